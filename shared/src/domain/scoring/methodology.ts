// The methodology of DEFAULT_POLICY, shown in the product and in every report that uses the default policy.
// Its worked example is reproduced by methodology.test.ts: keep the numbers here and in the policy in step.

/** Markdown. Written for Clearsource; paraphrases, not source text. */
export const METHODOLOGY_MARKDOWN = `# How Clearsource scores forced-labour risk

Clearsource scores each production site of a supplier for the risk that its workers are in forced labour or
have been trafficked. The score tells you where to look first and why. It is a screening result, not a finding:
the ILO describes its forced-labour indicators as aids to identification, not a legal test.

Every number below comes from the default scoring policy. An administrator can copy the policy, change its
numbers and publish a new version; each assessment records the policy version, the engine version and the
editions of the data it used, so it can be reproduced exactly.

## 1. Three scores and a rating

- **Inherent risk** (0–100): what published data about the country and the goods, and the supplier's workforce
  profile, say before we know anything about the supplier's own practices.
- **Control effectiveness** (0–100): how far the supplier's accepted questionnaire answers show that the risk is
  under control.
- **Residual risk** (0–100): inherent risk reduced by control effectiveness.
- **Rating** (low, medium, high, critical): the band the residual risk falls in, raised by any red flag, and
  never low when too little is known about the country (section 7).

## 2. Inherent risk

Each factor earns points; inherent risk = 100 × points earned / maximum points. In the default policy the
maxima add up to 100, so the points are the score.

| Factor | Maximum points | Source |
| --- | --- | --- |
| Country: US TIP report tier | 20 | US Department of State, Trafficking in Persons Report, 2025 |
| Country: prevalence of modern slavery | 10 | Walk Free, Global Slavery Index, 2023 |
| Country: vulnerability to modern slavery | 5 | Walk Free, Global Slavery Index, 2023 |
| Country: government response to modern slavery | 5 | Walk Free, Global Slavery Index, 2023 |
| Goods on the ILAB list for this country | 35 | US Department of Labor (ILAB), List of Goods Produced by Child Labor or Forced Labor, 2022 |
| Share of migrant workers | 10 | ILO Indicators of Forced Labour, 2012 (indicator 1, abuse of vulnerability) |
| Share of agency workers | 10 | ILO General Principles and Operational Guidelines for Fair Recruitment, 2019 |
| Supplier tier | 5 | OECD Due Diligence Guidance for Responsible Business Conduct, 2018 (step 2) |

### 2.1 US TIP report tier (up to 20 points)

The State Department places each government in a tier by how far it meets the minimum standards for
eliminating trafficking set by the US Trafficking Victims Protection Act. A tier measures the government's
response, not the size of the problem, which is why prevalence is scored separately.

| TIP 2025 placement | Points |
| --- | --- |
| Tier 1 | 0 |
| Tier 2 | 8 |
| Tier 2 Watch List | 14 |
| Tier 3 | 20 |
| Special Case (not ranked: Haiti, Libya, Somalia and Yemen in 2025) | 20 |
| No tier in the data | 12 |

Special Cases score as Tier 3: the report does not rank them because conflict or the collapse of government
makes an assessment impossible, which is itself a sign of acute risk.

### 2.2 Global Slavery Index (up to 20 points, three measures)

The Global Slavery Index 2023 publishes three measures per country, and all three are scored: the estimated
prevalence (what has happened), vulnerability (the conditions that let it happen) and the government's response
(what is done about it). Prevalence is a modelled estimate, so it carries half of the index's 20 points rather
than all of them; the other two measures, which are built from observed indicators, share the rest.

**Prevalence of modern slavery (up to 10 points).** How many people per 1,000 lived in modern slavery
(estimates for 160 countries, modelled for 2021; 49.6 million people worldwide, roughly 6 per 1,000).

| Estimated prevalence per 1,000 | Points |
| --- | --- |
| below 3 | 0 |
| 3 to below 6 | 3 |
| 6 to below 10 | 5 |
| 10 to below 20 | 8 |
| 20 or more | 10 |
| No estimate in the data | 6 |

**Vulnerability (up to 5 points).** A score from 0 to 100 (higher = more vulnerable) combining governance
issues, lack of basic needs, inequality, disenfranchised groups and the effects of conflict.

| Vulnerability score | Points |
| --- | --- |
| below 20 | 0 |
| 20 to below 40 | 1 |
| 40 to below 60 | 2 |
| 60 to below 80 | 4 |
| 80 or more | 5 |
| No score in the data | 3 |

**Government response (up to 5 points).** How far a government has acted against modern slavery, in percent
(it can be negative). A weaker response is more risk, so the score is turned round: it is scored as its gap to
a full response, 100 − the response score.

| Government response | Gap to a full response | Points |
| --- | --- | --- |
| above 60% | below 40 | 0 |
| above 50% up to 60% | 40 to below 50 | 1 |
| above 40% up to 50% | 50 to below 60 | 2 |
| above 30% up to 40% | 60 to below 70 | 4 |
| 30% or less | 70 or more | 5 |
| No score in the data | | 3 |

### 2.3 Goods on the ILAB list (up to 35 points)

The US Department of Labor's Bureau of International Labor Affairs lists goods it has reason to believe are
produced by child labour or forced labour, country by country. We ship the 2022 edition.

| What the list says about the good, for this country | Points |
| --- | --- |
| Listed for forced labour | 35 |
| Listed for forced child labour | 35 |
| Listed for child labour | 20 |
| Listed because an input is made with child or forced labour (downstream) | 35 (as its worst input) |
| On the list, but only for other countries | 18 |
| On the list for no country: the list says nothing about it | 15 |
| No goods recorded for the supplier | 15 |

**Listed only for other countries (18).** ILAB lists a good for the countries where it found evidence, and says
that absence from the list is not evidence that a good is made without forced or child labour. A good that
is listed somewhere is a good known to carry the risk in its sector, so it never scores below a good the list
has never named (15); it scores less than a listing for the supplier's own country (20 or more).

**Downstream goods (as their worst input, 35).** ILAB lists some goods because an input is made with forced or
child labour (Chinese solar modules, cells, wafers and ingots made from polysilicon; lithium-ion batteries made
with cobalt). It names the input's country but neither the input good nor the kind of exploitation. A product
carries the risk of what it is made of, and US law agrees: under the Uyghur Forced Labor Prevention Act, goods
made wholly or in part in Xinjiang, polysilicon included, are presumed made with forced labour. So a downstream
good earns the highest points of a listed kind (35), and never scores below its listed input (polysilicon from
China: 35). A policy can set the rule back to fixed points ("fixed", 20).

A good listed for several kinds of exploitation earns the highest. A supplier with several goods earns the
points of its riskiest good, not the sum: a site making three listed goods is not three times as exposed, and
a sum would punish suppliers for describing their goods fully.

Goods are matched by name, the way a buyer writes them (goods synonym table version 2, recorded with each
assessment): case, punctuation, plurals, accents and qualifiers ("crude", "refined", "raw", "fresh", "frozen",
"dried", "processed", "organic"…) are ignored, notes in brackets dropped, and trade names resolved ("cotton
lint" is cotton; "apparel" is garments; "prawns" are shrimp; "coltan" is tantalum ore). A good the list names
in several forms is one good, matched against every form listed for the supplier's country: palm (palm fruit,
crude and refined palm oil and palm kernel oil: Malaysia's listed palm fruit covers "palm oil"), tomatoes and
tomato products, and solar products (polysilicon, ingots, wafers, cells and modules). A specific good also
matches the general listing it falls under ("rubies" match "Gems", "rubber gloves" match "Gloves"), and a
general word covers the goods it names ("seafood", "gems"). When the full name is unknown, its ending is tried,
since the head noun comes last in English ("cotton t-shirts" are garments); a generic word alone ("oil",
"panels") matches nothing. A good that still matches no listed good is **not recognised**: it is not read as
"not listed", it scores as unknown and appears as a data gap, and the supplier form and the import preview
name the closest listed goods so that the buyer can correct the wording. Every good on the shipped list is
tested in these forms.

Limits: the 2024 edition of the list (72 new entries) was not available as data, so a good added in 2024 reads
here as not listed. Four rows the 2024 edition removed are kept and marked.

### 2.4 Workforce profile (up to 25 points)

Migrant workers are the group most exposed to the ILO's first indicator, abuse of vulnerability: they may
depend on the employer for their visa, housing and income, and may not speak the local language. Workers
supplied by agencies and labour contractors are where recruitment fees and deception concentrate, which the
ILO's fair-recruitment principles address.

| Share of the workforce | Migrant workers | Agency workers |
| --- | --- | --- |
| below 10% | 0 | 0 |
| 10% to below 25% | 4 | 4 |
| 25% to below 50% | 6 | 6 |
| 50% to below 75% | 8 | 8 |
| 75% to below 90% | 9 | 9 |
| 90% or more | 10 | 10 |
| Not recorded | 5 | 5 |

The points rise over the whole range: a site where every worker comes through an agency is more exposed than
one where half do, so 100% no longer scores the same as 50%. The first steps are the steepest, because even a
minority of migrant or agency workers is where abuse is found first.

Deeper tiers are less visible to the buyer, and the OECD guidance asks enterprises to look beyond their direct
suppliers: tier 1 earns 0 points, tier 2 earns 3, tier 3 and deeper earn 5.

## 3. Control effectiveness

Each questionnaire answer evidences one criterion and carries the points its option is worth. An answer backed
by evidence that an officer accepted counts in full; a self-declared answer counts for 0.6 of its points.

For each criterion: effectiveness = 100 × weighted points earned / maximum points of its answers.
Control effectiveness = Σ(weight × effectiveness) / Σ weight. A criterion with no accepted answer counts as
uncontrolled (effectiveness 0) and is listed as a data gap. Until a supplier has answered a questionnaire,
control effectiveness is 0 and residual risk equals inherent risk.

| Criterion | Weight | Citation |
| --- | --- | --- |
| Abuse of vulnerability | 4 | ILO Indicators of Forced Labour (2012), indicator 1 |
| Deception | 4 | ILO indicator 2 |
| Restriction of movement | 6 | ILO indicator 3 |
| Isolation | 4 | ILO indicator 4 |
| Physical and sexual violence | 4 | ILO indicator 5 |
| Intimidation and threats | 4 | ILO indicator 6 |
| Retention of identity documents | 6 | ILO indicator 7 |
| Withholding of wages | 6 | ILO indicator 8 |
| Debt bondage | 6 | ILO indicator 9 |
| Abusive working and living conditions | 4 | ILO indicator 10 |
| Excessive overtime | 6 | ILO indicator 11 |
| Policy commitment | 5 | UN Guiding Principles on Business and Human Rights, Principle 16; OECD Due Diligence Guidance, step 1 |
| No recruitment fees (employer pays) | 8 | Employer Pays Principle; ILO Fair Recruitment General Principle 7; ILO Convention No. 181, Art. 7 |
| Grievance mechanism | 7 | UN Guiding Principles, Principles 29 and 31 |
| Audits and monitoring | 6 | UN Guiding Principles, Principle 20; OECD Due Diligence Guidance, step 4 |
| Training | 4 | ILO Protocol of 2014 to the Forced Labour Convention, Art. 2; OECD Due Diligence Guidance, step 1 |
| Sub-supplier due diligence | 6 | UN Guiding Principles, Principles 13(b) and 17; OECD Due Diligence Guidance, step 2 |
| Wages and hours | 6 | ILO Conventions No. 95 (protection of wages) and No. 1 (hours of work) |
| Age verification | 4 | ILO Conventions No. 138 (minimum age) and No. 182 (worst forms of child labour) |

The weights add up to 100. Indicators a supplier can evidence with records (identity documents, wages, debt,
hours, freedom to leave) weigh 6; the rest weigh 4. Among governance controls, an employer-pays recruitment
model (8) and a grievance channel workers trust (7) weigh most, because they prevent the debt and silence that
hold forced labour in place. The gravest findings are not averaged at all: they are red flags (section 6).

## 4. Residual risk

Residual risk = inherent risk × (1 − 0.7 × control effectiveness / 100).

Controls can reduce inherent risk by at most 70%: even perfect, evidenced answers do not remove the risk of the
country and the sector, and a questionnaire can be wrong. A site with inherent risk 80 and perfect controls
keeps a residual risk of 24.

## 5. Rating bands

| Residual risk | Rating |
| --- | --- |
| below 25 | low |
| 25 to below 50 | medium |
| 50 to below 75 | high |
| 75 or more | critical |

## 6. Red flags

Some answers are serious enough on their own: the ILO notes that a single indicator can in some cases point to
forced labour. An accepted answer that raises a red flag sets a floor under the rating, whatever the average.

| Red flag | Rating at least | Citation |
| --- | --- | --- |
| Children below the minimum working age | critical | ILO Conventions No. 138, Art. 2, and No. 182 |
| Debt bondage | critical | ILO indicator 9; UN Supplementary Convention on the Abolition of Slavery (1956), Art. 1(a) |
| Workers not free to leave | critical | ILO Forced Labour Convention, 1930 (No. 29), Art. 2(1); ILO indicator 3 |
| Violence or threats against workers | critical | ILO indicators 5 and 6 |
| Identity documents retained | high | ILO indicator 7 |
| Recruitment fees paid by workers | high | Employer Pays Principle; ILO Fair Recruitment General Principle 7; ILO indicator 9 |
| Wages withheld | high | ILO indicator 8 |

## 7. Unknown data is never low risk

When a dataset has nothing on a country or a good, or the supplier's profile is incomplete, the factor earns
its "unknown" points (section 2), which are always more than the lowest-risk value, and the assessment lists
a data gap saying what is missing, e.g. "ILAB 2022 has no entry for "widgets"; risk unknown". Unknown data
also lowers confidence. A site we know nothing about does not look safe; it looks like work to do.

Unknown points alone cannot keep a site out of the low band once answers reduce its risk, so the rating has a
floor as well: **when the published country data (TIP tier and the three GSI measures) is known for less than
50% of its 40 points, the rating is at least medium**, shown as "Medium · insufficient data" with the reason.
This covers the places no dataset ranks (Antarctica, Greenland, Palestine, Puerto Rico) and Liechtenstein,
which has only a GSI government-response score (5 of 40 points known). A supplier whose country data is known
is never affected, whatever its answers. The floor raises the rating, not the score: the residual risk stays
as computed, so the arithmetic can still be checked.

## 8. Confidence

Confidence (0–1) = 0.4 × reference-data coverage + 0.6 × answer coverage.

- Reference-data coverage: the share of the inherent factors' maximum points whose data was known (for goods,
  the share of the supplier's goods the ILAB list knows).
- Answer coverage: the share of the criteria's weight that has accepted answers, evidence-backed answers
  counting in full and self-declared ones at 0.6.

## 9. Rounding and reproducibility

Every number is rounded to 2 decimals when it is produced, and later steps use the rounded figures, so the
arithmetic in an assessment can be redone by hand. The engine uses no clock and no randomness: the same policy
version, supplier profile, answers and data give the same result, byte for byte. Each assessment stores the
slice of reference data it used (for a good listed only for other countries, one row of the list that shows it
is listed somewhere and every country the list has it for, the supplier's not among them), and the SHA-256 of
what it relied on: the policy document (as canonical JSON), each dataset file and the version of the goods
synonym table. With the dataset file of that hash, anyone can check that the good has no row for the
supplier's country.

## 10. Worked example: a garment maker in Bangladesh

A tier-1 garment factory in Bangladesh (BD) supplies "Apparel" and "Cotton lint". It employs 1,200 workers:
5% migrant workers and 20% supplied by agencies.

**Inherent risk**

- TIP 2025: Bangladesh is on Tier 2: **8 points**.
- GSI 2023: 7.1 people in modern slavery per 1,000, in the band from 6: **5 points**. Vulnerability 58, in the
  band from 40: **2 points**. Government response 49%, 51 below a full response, in the band from 50:
  **2 points**.
- ILAB 2022: "Apparel" matches garments, and
  "Garments from Bangladesh: listed for forced labour and child labour (ILAB 2022)": 35 points.
  "Cotton lint" matches cotton, which is on the list for other countries but not for Bangladesh: 18 points.
  The goods factor takes the riskier good: **35 points**.
- Migrant workers 5%, below 10%: **0 points**. Agency workers 20%, in the band from 10%: **4 points**.
- Tier 1: **0 points**.

Inherent risk = 100 × 56 / 100 = **56**.

**Control effectiveness.** Four answers have been accepted:

| Criterion (weight) | Answer | Weighted points | Effectiveness |
| --- | --- | --- | --- |
| Policy commitment (5) | 10 of 10, evidence-backed | 10 × 1 = 10 | 100 |
| No recruitment fees (8) | 10 of 10, self-declared | 10 × 0.6 = 6 | 60 |
| Grievance mechanism (7) | 5 of 10, evidence-backed | 5 × 1 = 5 | 50 |
| Retention of identity documents (6) | 10 of 10, evidence-backed | 10 × 1 = 10 | 100 |

The other 15 criteria are unanswered: effectiveness 0, and each is a data gap.
Control effectiveness = (5 × 100 + 8 × 60 + 7 × 50 + 6 × 100) / 100 = 1930 / 100 = **19.3**.

**Residual risk** = 56 × (1 − 0.7 × 19.3 / 100) = **48.43**: rating **medium**.

**Confidence.** Every inherent factor was known: reference-data coverage 1. Answer coverage =
(5 × 1 + 8 × 0.6 + 7 × 1 + 6 × 1) / 100 = 0.228, rounded to 0.23. Confidence = 0.4 × 1 + 0.6 × 0.23 = **0.54**.

**With a red flag.** Suppose a fifth accepted answer, on age verification, scores 0 of 10 with evidence and
raises the red flag "Children below the minimum working age". Control effectiveness stays 19.3 (an answer
worth 0 counts the same as no answer) and residual risk stays 48.43, in the medium band; but the red flag sets
the floor, so the rating is **critical**. Answer coverage rises to 0.27 and confidence to **0.56**.

**The same factory where no country data exists.** Put the same factory, with the same four answers, in
Antarctica (AQ), which no dataset covers. The country factors earn their unknown points: TIP 12, prevalence 6,
vulnerability 3, government response 3; "Apparel" and "Cotton lint" are on the list only for other countries
(18); workforce 0 + 4, tier 0. Inherent risk = 100 × 46 / 100 = **46**; residual risk =
46 × (1 − 0.7 × 19.3 / 100) = **39.79**, medium by score. With every criterion answered in full, with evidence,
control effectiveness would be 100 and residual risk 46 × (1 − 0.7 × 100 / 100) = **13.8**, low by score; but
0% of the country data is known, below the floor's 50%, so the rating is **medium**, "insufficient data".

## Sources

- US Department of State, Office to Monitor and Combat Trafficking in Persons. *2025 Trafficking in Persons
  Report.* https://www.state.gov/reports/2025-trafficking-in-persons-report/
- Walk Free. *Global Slavery Index 2023.* https://www.walkfree.org/global-slavery-index/
- US Department of Labor, Bureau of International Labor Affairs. *2022 List of Goods Produced by Child Labor or
  Forced Labor.* https://www.dol.gov/agencies/ilab/reports/child-labor/list-of-goods
- International Labour Office, Special Action Programme to Combat Forced Labour. *ILO Indicators of Forced
  Labour.* Geneva, 2012.
- ILO Forced Labour Convention, 1930 (No. 29), and its Protocol of 2014; Minimum Age Convention, 1973 (No. 138);
  Worst Forms of Child Labour Convention, 1999 (No. 182); Private Employment Agencies Convention, 1997 (No. 181);
  Protection of Wages Convention, 1949 (No. 95); Hours of Work (Industry) Convention, 1919 (No. 1).
- ILO. *General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees
  and Related Costs.* Geneva, 2019.
- The Employer Pays Principle: no worker should pay for a job; the costs of recruitment should be borne by the
  employer (Leadership Group for Responsible Recruitment).
- United Nations. *Guiding Principles on Business and Human Rights.* 2011.
- OECD. *Due Diligence Guidance for Responsible Business Conduct.* 2018.
- United Nations. *Supplementary Convention on the Abolition of Slavery, the Slave Trade, and Institutions and
  Practices Similar to Slavery.* 1956.

Data gaps and limits of each dataset are listed in the reference-data manifest and in every report.
`;
