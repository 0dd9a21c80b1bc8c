import type { Section } from '../../../schemas/questionnaires.js';
import { file, is, multi, num, onlyOpt, opt, points, single, t, yesNo } from './build.js';

export const POLICY_SECTION: Section = {
  id: 'policy',
  title: t('Policy and training', 'Política y formación'),
  description: t(
    'How your company commits to preventing forced labour and makes sure people know the rules.',
    'Cómo su empresa se compromete a prevenir el trabajo forzoso y se asegura de que todos conozcan las reglas.',
  ),
  questions: [
    yesNo(
      'has_policy',
      t(
        'Does your company have a written policy that forbids forced labour, human trafficking and child labour?',
        '¿Tiene su empresa una política escrita que prohíba el trabajo forzoso, la trata de personas y el trabajo infantil?',
      ),
      { evidence: true, scoring: points('policy_commitment', 5, { yes: 5 }) },
    ),
    single(
      'policy_approved_by',
      t('Who approved the policy?', '¿Quién aprobó la política?'),
      [
        opt('board', 'The board or the owners', 'El consejo de administración o los propietarios'),
        opt('senior_management', 'Senior management', 'La alta dirección'),
        opt('other', 'Someone else, or nobody formally', 'Otra persona, o nadie formalmente'),
      ],
      {
        showIf: is('has_policy', 'yes'),
        scoring: points('policy_commitment', 3, { board: 3, senior_management: 3, other: 1 }),
      },
    ),
    multi(
      'policy_shared_with',
      t('Who is the policy communicated to?', '¿A quién se comunica la política?'),
      [
        opt(
          'workers',
          'All workers, in languages they understand',
          'A todos los trabajadores, en idiomas que entienden',
        ),
        opt('recruiters', 'Recruiters and labour agencies', 'A reclutadores y agencias de empleo'),
        opt('suppliers', 'Our own suppliers', 'A nuestros propios proveedores'),
        opt('public', 'The public (for example, on our website)', 'Al público (por ejemplo, en nuestra web)'),
        onlyOpt('nobody', 'Nobody outside management', 'A nadie fuera de la dirección'),
      ],
      {
        showIf: is('has_policy', 'yes'),
        scoring: points('policy_commitment', 8, { workers: 2, recruiters: 2, suppliers: 2, public: 2 }),
      },
    ),
    file('policy_document', t('Upload the policy', 'Suba la política'), { showIf: is('has_policy', 'yes') }),
    single(
      'training_managers',
      t(
        'How often are managers, supervisors and HR staff trained on forced labour and workers’ rights?',
        '¿Con qué frecuencia se forma a gerentes, supervisores y personal de recursos humanos sobre trabajo forzoso y derechos laborales?',
      ),
      [
        opt('yearly', 'At least once a year', 'Al menos una vez al año'),
        opt('at_hiring', 'Only when they start', 'Solo al incorporarse'),
        opt('never', 'Never', 'Nunca'),
      ],
      { evidence: true, scoring: points('training', 5, { yearly: 5, at_hiring: 2 }) },
    ),
    yesNo(
      'training_workers',
      t(
        'Are workers trained on their rights, including how to raise a complaint, in a language they understand?',
        '¿Se forma a los trabajadores sobre sus derechos, incluido cómo presentar una queja, en un idioma que entienden?',
      ),
      { scoring: points('training', 5, { yes: 5 }) },
    ),
  ],
};

export const RECRUITMENT_SECTION: Section = {
  id: 'recruitment',
  title: t('Recruitment and contracts', 'Contratación y contratos'),
  questions: [
    single(
      'workers_paid_fees',
      t(
        'Has any worker paid a fee or cost to get their job with you (recruitment fee, travel, visa, medical test, training)?',
        '¿Algún trabajador ha pagado una comisión o un gasto para conseguir su empleo con ustedes (reclutamiento, viaje, visado, examen médico, formación)?',
      ),
      [
        opt('no', 'No', 'No'),
        opt('repaid', 'Yes, and we have repaid them in full', 'Sí, y se lo hemos devuelto en su totalidad'),
        opt('not_repaid', 'Yes, and it has not been repaid', 'Sí, y no se ha devuelto'),
        opt('unknown', 'We do not know', 'No lo sabemos'),
      ],
      {
        help: t(
          'Count costs paid to anyone: your company, an agency, a recruiter or a middleman.',
          'Incluya los gastos pagados a cualquiera: su empresa, una agencia, un reclutador o un intermediario.',
        ),
        evidence: true,
        scoring: points(
          'recruitment_fees_employer_pays',
          10,
          { no: 10, repaid: 6 },
          { not_repaid: 'recruitment_fees_paid_by_workers' },
        ),
      },
    ),
    yesNo(
      'employer_pays_rule',
      t(
        'Does a written rule say that your company, not the workers, pays all recruitment fees and related costs?',
        '¿Existe una norma escrita que establezca que su empresa, y no los trabajadores, paga todas las comisiones de reclutamiento y gastos relacionados?',
      ),
      { evidence: true, scoring: points('recruitment_fees_employer_pays', 5, { yes: 5 }) },
    ),
    yesNo(
      'contract_in_own_language',
      t(
        'Does every worker receive a written contract, in a language they understand, before starting work?',
        '¿Recibe cada trabajador un contrato escrito, en un idioma que entiende, antes de empezar a trabajar?',
      ),
      {
        help: t(
          'For workers recruited from abroad: before they leave their home country.',
          'Para trabajadores contratados en el extranjero: antes de salir de su país.',
        ),
        evidence: true,
        scoring: points('abuse_of_vulnerability', 5, { yes: 5 }),
      },
    ),
    yesNo(
      'terms_changed',
      t(
        'In the last two years, were any workers given worse pay, hours, work or location than they were promised when recruited?',
        'En los últimos dos años, ¿algún trabajador recibió un salario, horario, trabajo o lugar peor que el prometido al contratarlo?',
      ),
      { scoring: points('deception', 5, { no: 5 }) },
    ),
    yesNo(
      'has_migrant_workers',
      t(
        'Do you employ migrant workers, from another country or another region of this country?',
        '¿Emplea a trabajadores migrantes, de otro país o de otra región de este país?',
      ),
    ),
    num(
      'migrant_share',
      t(
        'About what share of your workforce are migrant workers?',
        '¿Qué proporción aproximada de su plantilla son trabajadores migrantes?',
      ),
      { min: 0, max: 100, unit: t('%', '%'), showIf: is('has_migrant_workers', 'yes'), required: false },
    ),
    yesNo(
      'migrants_same_terms',
      t(
        'Do migrant workers get the same pay and conditions as local workers doing the same job?',
        '¿Reciben los trabajadores migrantes el mismo salario y condiciones que los trabajadores locales que hacen el mismo trabajo?',
      ),
      { showIf: is('has_migrant_workers', 'yes'), scoring: points('abuse_of_vulnerability', 5, { yes: 5 }) },
    ),
  ],
};

export const AGENCIES_SECTION: Section = {
  id: 'agencies',
  title: t('Labour agencies and contractors', 'Agencias de empleo y contratistas'),
  questions: [
    yesNo(
      'uses_agencies',
      t(
        'Do you use labour agencies, recruiters or labour contractors to find or supply workers?',
        '¿Utiliza agencias de empleo, reclutadores o contratistas de mano de obra para buscar o suministrar trabajadores?',
      ),
    ),
    num(
      'agency_count',
      t('How many agencies or contractors do you use?', '¿Cuántas agencias o contratistas utiliza?'),
      {
        min: 1,
        max: 1000,
        unit: t('agencies', 'agencias'),
        showIf: is('uses_agencies', 'yes'),
        required: false,
      },
    ),
    single(
      'agencies_licensed',
      t(
        'Have you checked that each agency is licensed or registered where the law requires it?',
        '¿Ha comprobado que cada agencia tiene licencia o está registrada donde la ley lo exige?',
      ),
      [
        opt('all', 'Yes, every agency', 'Sí, todas las agencias'),
        opt('some', 'Some of them', 'Algunas'),
        opt('none', 'No', 'No'),
      ],
      {
        showIf: is('uses_agencies', 'yes'),
        evidence: true,
        scoring: points('sub_supplier_due_diligence', 5, { all: 5, some: 2 }),
      },
    ),
    single(
      'agency_fees_paid_by',
      t(
        'Who pays the agencies for recruiting workers?',
        '¿Quién paga a las agencias por reclutar a los trabajadores?',
      ),
      [
        opt('company', 'Our company only', 'Solo nuestra empresa'),
        opt('workers', 'Workers pay all or part of it', 'Los trabajadores pagan todo o una parte'),
        opt('unknown', 'We do not know', 'No lo sabemos'),
      ],
      {
        showIf: is('uses_agencies', 'yes'),
        evidence: true,
        scoring: points(
          'recruitment_fees_employer_pays',
          10,
          { company: 10 },
          { workers: 'recruitment_fees_paid_by_workers' },
        ),
      },
    ),
    yesNo(
      'agency_contract_terms',
      t(
        'Do your contracts with agencies forbid charging workers fees and keeping their identity documents?',
        '¿Prohíben sus contratos con las agencias cobrar comisiones a los trabajadores y quedarse con sus documentos de identidad?',
      ),
      { showIf: is('uses_agencies', 'yes'), scoring: points('sub_supplier_due_diligence', 5, { yes: 5 }) },
    ),
  ],
};
