import type { Section } from '../../../schemas/questionnaires.js';
import { is, opt, points, single, t, yesNo } from './build.js';

export const FREEDOM_SECTION: Section = {
  id: 'freedom',
  title: t('Identity documents and freedom of movement', 'Documentos de identidad y libertad de movimiento'),
  questions: [
    single(
      'documents_held',
      t(
        'Does your company, an agency or anyone acting for you hold any worker’s passport, identity card or work permit?',
        '¿Su empresa, una agencia o alguien que actúe en su nombre guarda el pasaporte, documento de identidad o permiso de trabajo de algún trabajador?',
      ),
      [
        opt(
          'no',
          'No, workers keep their own documents',
          'No, los trabajadores guardan sus propios documentos',
        ),
        opt(
          'safekeeping',
          'Only at a worker’s written request, and handed back at once whenever asked',
          'Solo si el trabajador lo pide por escrito, y se devuelven de inmediato cuando lo solicita',
        ),
        opt('yes', 'Yes', 'Sí'),
      ],
      {
        help: t(
          'Copies kept for personnel files are fine; this is about the originals.',
          'Guardar copias para el expediente está bien; la pregunta se refiere a los originales.',
        ),
        evidence: true,
        scoring: points(
          'retention_of_identity_documents',
          10,
          { no: 10, safekeeping: 6 },
          { yes: 'identity_documents_retained' },
        ),
      },
    ),
    yesNo(
      'free_to_leave_site',
      t(
        'Can workers leave the workplace freely during breaks and after their shift, without locked gates, guards or curfews stopping them?',
        '¿Pueden los trabajadores salir libremente del lugar de trabajo en los descansos y al terminar su turno, sin puertas cerradas, guardias ni toques de queda que se lo impidan?',
      ),
      { scoring: points('restriction_of_movement', 6, { yes: 6 }, { no: 'not_free_to_leave' }) },
    ),
    single(
      'free_to_resign',
      t(
        'Can a worker resign by giving the notice set by law or contract?',
        '¿Puede un trabajador renunciar dando el preaviso que fija la ley o el contrato?',
      ),
      [
        opt('yes', 'Yes, without any penalty', 'Sí, sin ninguna penalización'),
        opt(
          'long_notice',
          'Yes, but the notice is longer than the law requires',
          'Sí, pero el preaviso es más largo de lo que exige la ley',
        ),
        opt(
          'penalty',
          'Only by paying a penalty, losing a deposit or unpaid wages, or repaying costs',
          'Solo pagando una penalización, perdiendo un depósito o salarios pendientes, o devolviendo gastos',
        ),
      ],
      {
        scoring: points(
          'restriction_of_movement',
          6,
          { yes: 6, long_notice: 2 },
          { penalty: 'not_free_to_leave' },
        ),
      },
    ),
    yesNo(
      'can_contact_outside',
      t(
        'Can workers keep their own phones and contact family, unions or support organisations when they wish?',
        '¿Pueden los trabajadores conservar sus teléfonos y contactar con su familia, sindicatos u organizaciones de apoyo cuando lo deseen?',
      ),
      { scoring: points('isolation', 5, { yes: 5 }) },
    ),
    yesNo(
      'remote_site',
      t(
        'Is the workplace or workers’ housing somewhere workers cannot leave without transport you provide?',
        '¿Está el lugar de trabajo o el alojamiento de los trabajadores en un sitio del que no pueden salir sin el transporte que ustedes proporcionan?',
      ),
      { scoring: points('isolation', 5, { no: 5, yes: 1 }) },
    ),
    yesNo(
      'free_transport',
      t(
        'Is that transport free and available to workers outside working hours?',
        '¿Es ese transporte gratuito y está disponible para los trabajadores fuera del horario laboral?',
      ),
      { showIf: is('remote_site', 'yes'), scoring: points('isolation', 3, { yes: 3 }) },
    ),
  ],
};

export const WAGES_SECTION: Section = {
  id: 'wages',
  title: t('Wages, deductions and debt', 'Salarios, descuentos y deudas'),
  questions: [
    yesNo(
      'minimum_wage',
      t(
        'Is every worker paid at least the legal minimum wage for normal hours?',
        '¿Se paga a cada trabajador al menos el salario mínimo legal por la jornada normal?',
      ),
      { evidence: true, scoring: points('wages_and_hours', 6, { yes: 6 }) },
    ),
    yesNo(
      'paid_in_full_on_time',
      t(
        'In the last 12 months, were wages always paid in full, on the agreed day, directly to the worker?',
        'En los últimos 12 meses, ¿se pagaron siempre los salarios completos, en la fecha acordada y directamente al trabajador?',
      ),
      { evidence: true, scoring: points('withholding_of_wages', 6, { yes: 6 }) },
    ),
    yesNo(
      'wages_held_back',
      t(
        'Do you hold back part of the wages, or take a deposit, that a worker loses if they leave early?',
        '¿Retienen parte del salario, o cobran un depósito, que el trabajador pierde si se va antes de tiempo?',
      ),
      { scoring: points('withholding_of_wages', 6, { no: 6 }, { yes: 'wages_withheld' }) },
    ),
    yesNo(
      'payslips',
      t(
        'Does every worker receive a payslip showing hours, pay and each deduction, in a language they understand?',
        '¿Recibe cada trabajador una nómina que muestre las horas, el salario y cada descuento, en un idioma que entiende?',
      ),
      { evidence: true, scoring: points('wages_and_hours', 4, { yes: 4 }) },
    ),
    yesNo(
      'other_deductions',
      t(
        'Apart from taxes and social security, is anything deducted from wages (for example fines, tools, uniforms, food or housing)?',
        'Aparte de impuestos y seguridad social, ¿se descuenta algo del salario (por ejemplo multas, herramientas, uniformes, comida o alojamiento)?',
      ),
      { scoring: points('wages_and_hours', 4, { no: 4, yes: 1 }) },
    ),
    single(
      'deductions_lawful',
      t(
        'Are those deductions allowed by law, agreed in writing by the worker and within legal limits?',
        '¿Están esos descuentos permitidos por la ley, aceptados por escrito por el trabajador y dentro de los límites legales?',
      ),
      [
        opt('all', 'Yes, all of them', 'Sí, todos'),
        opt('some', 'Some of them', 'Algunos'),
        opt('no', 'No', 'No'),
      ],
      { showIf: is('other_deductions', 'yes'), scoring: points('wages_and_hours', 3, { all: 3, some: 1 }) },
    ),
    yesNo(
      'loans_or_advances',
      t(
        'Do you, an agency or anyone connected with you lend money or give wage advances to workers?',
        '¿Ustedes, una agencia o alguien relacionado con ustedes presta dinero o da anticipos de salario a los trabajadores?',
      ),
      { scoring: points('debt_bondage', 6, { no: 6, yes: 3 }) },
    ),
    single(
      'loan_terms',
      t('How are loans and advances repaid?', '¿Cómo se devuelven los préstamos y anticipos?'),
      [
        opt(
          'fair',
          'Small amounts, without interest, repaid in instalments the worker agreed to',
          'Importes pequeños, sin intereses, devueltos en cuotas aceptadas por el trabajador',
        ),
        opt(
          'costly',
          'With interest or large deductions from pay',
          'Con intereses o con grandes descuentos del salario',
        ),
        opt(
          'bound',
          'Workers cannot leave until the debt is paid',
          'Los trabajadores no pueden irse hasta pagar la deuda',
        ),
      ],
      {
        showIf: is('loans_or_advances', 'yes'),
        scoring: points('debt_bondage', 6, { fair: 6, costly: 1 }, { bound: 'debt_bondage' }),
      },
    ),
    yesNo(
      'recruitment_debt',
      t(
        'Do you know of workers who owe money to a recruiter or lender for getting this job?',
        '¿Sabe de trabajadores que deban dinero a un reclutador o prestamista por haber conseguido este empleo?',
      ),
      { scoring: points('debt_bondage', 6, { no: 6 }) },
    ),
  ],
};
