// Health and personnel records: a named person together with a diagnosis, a salary or a review.
// "What are the early symptoms of diabetes?" names nobody and stays public; "the Great
// Depression" is a name that is the term itself, not a person with depression.
import { people } from './people';
import { registerDetector, type Finding } from './registry';
import { anyNear, type TextView } from './text-view';

const RECORD_TERMS: { kind: string; what: string; pattern: RegExp }[] = [
  {
    kind: 'record.health',
    what: 'health information about a named person',
    pattern:
      /\b(?:diagnos(?:ed|is|es)|prognosis|prescribed|prescription|medication|chemotherapy|cancer|tumou?r|diabetes|diabetic|hiv|depression|anxiety disorder|bipolar|schizophrenia|adhd|dementia|pregnan(?:t|cy)|miscarriage|surgery|therapy|blood pressure|hypertension|allergic to|medical (?:leave|condition|history|record)|sick leave|mental health|psychiatric|treatment for|tested positive|disability|rehab|rehabilitation|overdose|seizure|epilepsy|(?:had|suffered|a|minor|major|mild|severe|ischa?emic|ha?emorrhagic) stroke|stroke (?:patient|unit|ward|rehab|recovery)|heart attack|mri|biopsy|hospitali[sz]ed|admitted to hospital|krankschreibung|arbeitsunfahig|(?:die|der|eine|einer|seine|seiner|ihre|ihrer|arztliche|neue) diagnose|diagnose(?= ?:)|(?:un|le|du|son|sa|leur|ce) diagnostic|diagnostic(?= ?:)|diagnostico|diagnosi|chemotherapie|chimiotherapie|quimioterapia|chemioterapia|sklerose|sclerose|esclerosis|sclerosi|multiple sclerosis|schwanger|schwangerschaft|enceinte|grossesse|embarazada|embarazo|incinta|gravidez|krank(?:geschrieben|heit)|maladie|enfermedad|malattia|doenca|therapie|terapia|insulin|antidepressant|antidepressiva|psychotherapie|mrn|medical record (?:number|no)|patient (?:id|number|no)|nhs number|admitted (?:with|for|on)|discharged (?:with|on|home)|referred to [a-z]{0,20}ology|hba1c|t[12]dm|copd|asthma|nstemi|stemi|myocardial infarction|fracture|infection|antibiotics?|icd-10)\b|(?:krebs|cancer|krebserkrankung)\b/gi,
  },
  {
    kind: 'record.compensation',
    what: 'salary or compensation of a named person',
    pattern: /\b(?:salary|compensation|earns|wage|base pay|bonus|pay (?:rate|grade|raise|cut)|stock options|equity grant|gehalt|salaire|sueldo|salario)\b|[$€£] ?\d[\d,.]{0,9}k? (?:base|per (?:year|annum)|a year|annually)\b/gi,
  },
  {
    kind: 'record.performance',
    what: 'a performance or disciplinary record of a named person',
    pattern:
      /\b(?:performance review|performance rating|performance improvement plan|disciplinary|written warning|final warning|terminated|termination|fired|laid off|below expectations|underperform(?:ing|ed|s)?|misconduct|harassment complaint|demoted|on probation|abmahnung|kundigung|gekundigt|entlassen|freigestellt|licencie|licenciement|despedido|despido|licenziato|licenziamento|demitido|let go|being let go|dismissed|dismissal|made redundant|redundancy (?:notice|letter|pay|package|consultation)|severance|exit package|warning letter)\b/gi,
  },
];

// Pay that a company had to publish: an executive's compensation quoted from a proxy statement or
// an annual report is public record, not a personnel file.
const PUBLIC_FILING =
  /\b(?:proxy statement|proxy filing|annual report|10-k|def 14a|sec filing|remuneration report|publicly (?:disclosed|reported)|according to (?:the |its |their )?(?:filing|proxy|annual report))\b/gi;
const PUBLIC_FILING_WINDOW = 120;

/** How far from the term a person's name may stand. */
const NEAR_PERSON = 160;

function recordFindings(view: TextView): Finding[] {
  const findings: Finding[] = [];
  for (const term of RECORD_TERMS) {
    // Names are looked for only once a term is there: most texts hold no record term at all.
    const published = (start: number, end: number) => term.kind === 'record.compensation' && anyNear(view.spans(PUBLIC_FILING), start, end, PUBLIC_FILING_WINDOW);
    if (view.spans(term.pattern).some((span) => anyNear(people(view), span.start, span.end, NEAR_PERSON) && !published(span.start, span.end))) {
      findings.push({ kind: term.kind, sensitivity: 'confidential', what: term.what });
    }
  }
  return findings;
}

registerDetector({
  id: 'records',
  patterns: [...RECORD_TERMS.map((term) => term.pattern), PUBLIC_FILING],
  detect: recordFindings,
});
