import type { Section } from '../../../schemas/questionnaires.js';
import { file, is, multi, oneOf, onlyOpt, opt, points, single, t, yesNo } from './build.js';

export const GRIEVANCE_SECTION: Section = {
  id: 'grievance',
  title: t('Complaints and treatment of workers', 'Quejas y trato a los trabajadores'),
  questions: [
    multi(
      'grievance_channels',
      t(
        'How can workers raise a complaint in confidence?',
        '¿Cómo pueden los trabajadores presentar una queja de forma confidencial?',
      ),
      [
        opt(
          'hotline',
          'A phone line or app run independently',
          'Una línea telefónica o aplicación gestionada de forma independiente',
        ),
        opt('union', 'A union or elected worker committee', 'Un sindicato o comité de trabajadores elegido'),
        opt('box', 'A complaints box', 'Un buzón de quejas'),
        opt('manager', 'Speaking to a manager or HR', 'Hablando con un gerente o con recursos humanos'),
        onlyOpt('none', 'There is no such channel', 'No existe ningún canal así'),
      ],
      { scoring: points('grievance_mechanism', 6, { hotline: 3, union: 3, box: 1, manager: 1 }) },
    ),
    yesNo(
      'grievance_open_to_all',
      t(
        'Can every worker, agency and migrant workers included, use these channels in their own language, anonymously if they wish?',
        '¿Puede cada trabajador, incluidos los de agencias y los migrantes, usar estos canales en su propio idioma, de forma anónima si lo desea?',
      ),
      {
        showIf: {
          questionId: 'grievance_channels',
          op: 'any_of',
          values: ['hotline', 'union', 'box', 'manager'],
        },
        scoring: points('grievance_mechanism', 4, { yes: 4 }),
      },
    ),
    yesNo(
      'grievances_tracked',
      t(
        'Is each complaint recorded and followed to an outcome that is reported back to the worker?',
        '¿Se registra cada queja y se le da seguimiento hasta una resolución que se comunica al trabajador?',
      ),
      {
        showIf: {
          questionId: 'grievance_channels',
          op: 'any_of',
          values: ['hotline', 'union', 'box', 'manager'],
        },
        evidence: true,
        scoring: points('grievance_mechanism', 4, { yes: 4 }),
      },
    ),
    yesNo(
      'no_retaliation_rule',
      t(
        'Does a written rule protect workers who complain, or help an investigation, from any punishment?',
        '¿Protege una norma escrita frente a cualquier sanción a los trabajadores que se quejan o colaboran en una investigación?',
      ),
      { scoring: points('grievance_mechanism', 3, { yes: 3 }) },
    ),
    yesNo(
      'violence_ban',
      t(
        'Is there a written ban on violence, sexual harassment and abuse at work, with incidents recorded and acted on?',
        '¿Existe una prohibición escrita de la violencia, el acoso sexual y el abuso en el trabajo, con los incidentes registrados y atendidos?',
      ),
      { evidence: true, scoring: points('physical_and_sexual_violence', 5, { yes: 5 }) },
    ),
    yesNo(
      'workers_threatened',
      t(
        'Are workers ever threatened (with dismissal, violence, being reported to the authorities, or harm to their family) to make them work or stay?',
        '¿Se amenaza alguna vez a los trabajadores (con el despido, la violencia, denunciarlos a las autoridades o dañar a su familia) para que trabajen o se queden?',
      ),
      { scoring: points('intimidation_and_threats', 5, { no: 5 }, { yes: 'physical_violence_or_threats' }) },
    ),
  ],
};

const AUDITED = oneOf('last_audit', ['within_year', 'within_three_years']);

export const SUPPLY_CHAIN_SECTION: Section = {
  id: 'supply_chain',
  title: t('Audits and your own suppliers', 'Auditorías y sus propios proveedores'),
  questions: [
    single(
      'last_audit',
      t(
        'When was your site last audited by an independent social auditor?',
        '¿Cuándo fue la última auditoría social independiente de sus instalaciones?',
      ),
      [
        opt('within_year', 'In the last 12 months', 'En los últimos 12 meses'),
        opt('within_three_years', 'One to three years ago', 'Hace entre uno y tres años'),
        opt('never', 'More than three years ago, or never', 'Hace más de tres años, o nunca'),
      ],
      { evidence: true, scoring: points('audits', 5, { within_year: 5, within_three_years: 2 }) },
    ),
    {
      id: 'last_audit_date',
      type: 'date',
      label: t('Date of that audit', 'Fecha de esa auditoría'),
      required: false,
      evidenceRequested: false,
      showIf: AUDITED,
    },
    yesNo(
      'audit_worker_interviews',
      t(
        'Did the audit include confidential interviews with workers, agency and migrant workers included?',
        '¿Incluyó la auditoría entrevistas confidenciales con trabajadores, incluidos los de agencias y los migrantes?',
      ),
      { showIf: AUDITED, scoring: points('audits', 3, { yes: 3 }) },
    ),
    file(
      'audit_report',
      t('Upload the audit report or its summary', 'Suba el informe de auditoría o su resumen'),
      {
        showIf: AUDITED,
      },
    ),
    single(
      'suppliers_mapped',
      t(
        'Do you know who your own suppliers and labour providers are, and where they operate?',
        '¿Sabe quiénes son sus propios proveedores y proveedores de mano de obra, y dónde operan?',
      ),
      [
        opt('all', 'Yes, all of them', 'Sí, todos'),
        opt('main', 'Only the main ones', 'Solo los principales'),
        opt('no', 'No', 'No'),
      ],
      { scoring: points('sub_supplier_due_diligence', 5, { all: 5, main: 2 }) },
    ),
    yesNo(
      'supplier_requirements',
      t(
        'Do you require your suppliers, in writing, to meet these same standards (no forced labour, no recruitment fees, no holding of documents)?',
        '¿Exige a sus proveedores, por escrito, que cumplan estas mismas normas (sin trabajo forzoso, sin comisiones de reclutamiento, sin retener documentos)?',
      ),
      { scoring: points('sub_supplier_due_diligence', 5, { yes: 5 }) },
    ),
    single(
      'supplier_checks',
      t('How do you check that they meet them?', '¿Cómo comprueba que las cumplen?'),
      [
        opt('audits', 'Audits or visits', 'Auditorías o visitas'),
        opt('self_assessment', 'Questionnaires they fill in', 'Cuestionarios que ellos completan'),
        opt('none', 'We do not check', 'No lo comprobamos'),
      ],
      {
        showIf: is('supplier_requirements', 'yes'),
        scoring: points('sub_supplier_due_diligence', 5, { audits: 5, self_assessment: 2 }),
      },
    ),
    {
      id: 'comments',
      type: 'text',
      label: t('Is there anything else you would like us to know?', '¿Hay algo más que quiera comunicarnos?'),
      required: false,
      evidenceRequested: false,
      maxLength: 2000,
      multiline: true,
    },
  ],
};
