import type { Section } from '../../../schemas/questionnaires.js';
import { is, num, opt, points, single, t, yesNo } from './build.js';

export const HOURS_SECTION: Section = {
  id: 'hours',
  title: t('Working hours and overtime', 'Jornada laboral y horas extra'),
  questions: [
    yesNo(
      'hours_recorded',
      t(
        'Are the hours of every worker recorded, by a clock-in system or time sheets?',
        '¿Se registran las horas de cada trabajador, con un sistema de fichaje u hojas de horas?',
      ),
      { evidence: true, scoring: points('excessive_overtime', 3, { yes: 3 }) },
    ),
    num(
      'peak_weekly_hours',
      t(
        'In the busiest week of the last 12 months, what was the longest any worker worked, overtime included?',
        'En la semana de más trabajo de los últimos 12 meses, ¿cuántas horas trabajó como máximo algún trabajador, incluidas las horas extra?',
      ),
      {
        min: 0,
        max: 168,
        unit: t('hours', 'horas'),
        evidence: true,
        // 48 hours plus 12 of overtime is the common international ceiling (ILO Conventions 1 and 30).
        scoring: {
          criterion: 'excessive_overtime',
          maxPoints: 10,
          bands: [
            { from: 0, points: 10 },
            { from: 49, points: 7 },
            { from: 61, points: 2 },
            { from: 73, points: 0 },
          ],
        },
      },
    ),
    single(
      'overtime_voluntary',
      t(
        'Can workers refuse overtime without being punished?',
        '¿Pueden los trabajadores rechazar horas extra sin ser sancionados?',
      ),
      [
        opt('yes', 'Yes, always', 'Sí, siempre'),
        opt('sometimes', 'Not at peak times', 'No en los periodos de más trabajo'),
        opt('no', 'No', 'No'),
      ],
      { scoring: points('excessive_overtime', 6, { yes: 6, sometimes: 2 }) },
    ),
    yesNo(
      'weekly_rest_day',
      t(
        'Does every worker get at least one full day off in every seven days?',
        '¿Tiene cada trabajador al menos un día completo de descanso cada siete días?',
      ),
      { scoring: points('excessive_overtime', 4, { yes: 4 }) },
    ),
  ],
};

export const HOUSING_SECTION: Section = {
  id: 'housing',
  title: t('Workplace and housing conditions', 'Condiciones del lugar de trabajo y del alojamiento'),
  questions: [
    yesNo(
      'safety_inspection',
      t(
        'Has the workplace had a health and safety inspection in the last 12 months, with its findings fixed?',
        '¿Ha tenido el lugar de trabajo una inspección de seguridad y salud en los últimos 12 meses, con sus hallazgos corregidos?',
      ),
      { evidence: true, scoring: points('abusive_working_and_living_conditions', 5, { yes: 5 }) },
    ),
    yesNo(
      'provides_housing',
      t(
        'Do you, or an agency you use, provide housing for workers?',
        '¿Proporcionan ustedes, o una agencia que utilizan, alojamiento a los trabajadores?',
      ),
    ),
    single(
      'housing_checked',
      t(
        'How often is the housing checked for safety, space, sanitation and privacy?',
        '¿Con qué frecuencia se revisa el alojamiento en cuanto a seguridad, espacio, saneamiento e intimidad?',
      ),
      [
        opt(
          'yearly',
          'At least once a year, with a written record',
          'Al menos una vez al año, con registro escrito',
        ),
        opt('sometimes', 'From time to time', 'De vez en cuando'),
        opt('never', 'Never', 'Nunca'),
      ],
      {
        showIf: is('provides_housing', 'yes'),
        evidence: true,
        scoring: points('abusive_working_and_living_conditions', 5, { yearly: 5, sometimes: 2 }),
      },
    ),
    yesNo(
      'housing_optional',
      t(
        'Are workers free to live somewhere else if they prefer?',
        '¿Pueden los trabajadores vivir en otro lugar si lo prefieren?',
      ),
      { showIf: is('provides_housing', 'yes'), scoring: points('restriction_of_movement', 4, { yes: 4 }) },
    ),
  ],
};

export const AGE_SECTION: Section = {
  id: 'age',
  title: t('Age checks and young workers', 'Verificación de edad y trabajadores jóvenes'),
  questions: [
    single(
      'age_checked',
      t('How do you check a new worker’s age?', '¿Cómo comprueban la edad de un nuevo trabajador?'),
      [
        opt(
          'document',
          'We see an original identity document and keep a copy',
          'Vemos un documento de identidad original y guardamos una copia',
        ),
        opt('declared', 'The worker tells us', 'El trabajador nos la dice'),
        opt('not_checked', 'We do not check', 'No la comprobamos'),
      ],
      { evidence: true, scoring: points('age_verification', 6, { document: 6, declared: 1 }) },
    ),
    yesNo(
      'below_minimum_age',
      t(
        'Does anyone younger than the legal minimum working age in your country work for you or on your premises?',
        '¿Trabaja para ustedes, o en sus instalaciones, alguien menor de la edad mínima legal para trabajar en su país?',
      ),
      { scoring: points('age_verification', 4, { no: 4 }, { yes: 'child_labour_below_minimum_age' }) },
    ),
    yesNo(
      'has_young_workers',
      t('Do you employ workers under 18?', '¿Emplea a trabajadores menores de 18 años?'),
    ),
    single(
      'young_workers_protected',
      t(
        'Are workers under 18 kept from hazardous work, night work and overtime?',
        '¿Se mantiene a los trabajadores menores de 18 años alejados de trabajos peligrosos, nocturnos y de horas extra?',
      ),
      [
        opt(
          'documented',
          'Yes, with a written list of the jobs they may not do',
          'Sí, con una lista escrita de los trabajos que no pueden hacer',
        ),
        opt('informal', 'Yes, informally', 'Sí, de manera informal'),
        opt('no', 'No', 'No'),
      ],
      {
        showIf: is('has_young_workers', 'yes'),
        scoring: points('age_verification', 4, { documented: 4, informal: 1 }),
      },
    ),
  ],
};
