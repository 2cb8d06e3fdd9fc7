// Health and personnel records: a named person together with a diagnosis, a salary or a review.
// "What are the early symptoms of diabetes?" names nobody and stays public; "the Great
// Depression" is a name that is the term itself, not a person with depression.
import { people } from './people';
import { registerDetector, registerSharedPatterns, type Finding } from './registry';
import { anyNear, type Span, type TextView } from './text-view';

const RECORD_TERMS: { kind: string; what: string; pattern: RegExp }[] = [
  {
    kind: 'record.health',
    what: 'health information about a named person',
    pattern:
      /\b(?:diagnos(?:ed|is|es)|prognosis|prescribed|prescription|medication|chemotherapy|cancer|tumou?r|diabetes|diabetic|hiv|depression|anxiety disorder|bipolar|schizophrenia|adhd|dementia|pregnan(?:t|cy)|miscarriage|surgery|therapy|blood pressure|hypertension|allergic to|medical (?:leave|condition|history|record)|sick leave|mental health|psychiatric|treatment for|tested positive|disability|rehab|rehabilitation|overdose|seizure|epilepsy|(?:had|suffered|a|minor|major|mild|severe|ischa?emic|ha?emorrhagic) stroke|stroke (?:patient|unit|ward|rehab|recovery)|heart attack|mri|biopsy|hospitali[sz]ed|admitted to hospital|krankschreibung|arbeitsunfahig|(?:die|der|eine|einer|seine|seiner|ihre|ihrer|arztliche|neue) diagnose|diagnose(?= ?:)|(?:un|le|du|son|sa|leur|ce) diagnostic|diagnostic(?= ?:)|diagnostico|diagnosi|chemotherapie|chimiotherapie|quimioterapia|chemioterapia|sklerose|sclerose|esclerosis|sclerosi|multiple sclerosis|schwanger|schwangerschaft|enceinte|grossesse|embarazada|embarazo|incinta|gravidez|krank(?:geschrieben|heit)|maladie|enfermedad|malattia|doenca|therapie|terapia|insulin|antidepressant|antidepressiva|psychotherapie|mrn|medical record (?:number|no)|patient (?:id|number|no)|nhs number|admitted (?:with|for|on)|discharged (?:with|on|home)|referred to [a-z]{0,20}ology|hba1c|t[12]dm|copd|asthma|nstemi|stemi|myocardial infarction|fracture|infection|antibiotics?|icd-10|diabete|cukrzyc[a-z]{0,3}|depressione|depresj[a-z]{0,3}|depressie|zdiagnozowan[a-z]{0,3}|gediagnosticeerd|diagnostiserad|diagnosticad[oa]|diagnosticaron|le diagnosticaron|borstkanker|kanker|cancro|tumore|in cura per|insulin[ae]|w ciazy|ciaza|zwolnieni[a-z]{0,2} lekarski[a-z]{0,2}|ziekteverlof|sjukskriven|sykmeldt|zwanger(?:schap)?)\b|(?:krebs|cancer|krebserkrankung)\b/gi,
  },
  {
    kind: 'record.compensation',
    what: 'salary or compensation of a named person',
    pattern: /\b(?:salary|compensation|earns|wage|base pay|bonus|pay (?:rate|grade|raise|cut)|stock options|equity grant|gehalt|salaire|sueldo|salario|stipendio|retribuzione|wynagrodzeni[ea]|pensja|pensji|salaris|lonen|manadslon|(?:verdient|verdiente|guadagna|zarabia)(?=[^.\n]{0,30}\d))\b|[$€£] ?\d[\d,.]{0,9}k? (?:base|per (?:year|annum)|a year|annually)\b/gi,
  },
  {
    kind: 'record.performance',
    what: 'a performance or disciplinary record of a named person',
    pattern:
      /\b(?:performance review|performance rating|performance improvement plan|disciplinary|written warning|final warning|terminated|termination|fired|laid off|below expectations|underperform(?:ing|ed|s)?|misconduct|harassment complaint|demoted|on probation|abmahnung|kundigung|gekundigt|entlassen|freigestellt|licencie|licenciement|despedido|despido|licenziato|licenziamento|demitido|licenciee|licenziat[oa]|ontslagen|(?:officiele|schriftelijke|formele) waarschuwing|giusta causa|faute grave|uppsagd|avskedad|zwolnion[ya] z pracy|wypowiedzeni[ea] (?:umowy|z pracy)|(?:dostal|dostala|otrzymal|otrzymala) wypowiedzenie|let go|being let go|dismissed|dismissal|made redundant|redundancy (?:notice|letter|pay|package|consultation)|severance|exit package|warning letter)\b/gi,
  },
];

// Pay that a company had to publish: an executive's compensation quoted from a proxy statement or
// an annual report is public record, not a personnel file.
const PUBLIC_FILING =
  /\b(?:proxy statement|proxy filing|annual report|10-k|def 14a|sec filing|remuneration report|publicly (?:disclosed|reported)|according to (?:the |its |their )?(?:filing|proxy|annual report))\b/gi;
const PUBLIC_FILING_WINDOW = 120;

/** How far from the term a person's name may stand. */
const NEAR_PERSON = 160;

/**
 * A sentence that starts with the term, capitalised, followed by the name ("Wynagrodzenie Anny
 * Kowalskiej …", "Gehalt Julia Fischer: …") reads as one capitalised run that starts where the
 * term does; the name is the rest of it.
 */
function nameAfterTerm(names: readonly Span[], term: Span): boolean {
  return names.some((name) => name.start === term.start && name.end > term.end + 2);
}

function recordFindings(view: TextView): Finding[] {
  const findings: Finding[] = [];
  for (const term of RECORD_TERMS) {
    // Names are looked for only once a term is there: most texts hold no record term at all.
    const published = (start: number, end: number) => term.kind === 'record.compensation' && anyNear(view.spans(PUBLIC_FILING), start, end, PUBLIC_FILING_WINDOW);
    if (view.spans(term.pattern).some((span) => (anyNear(people(view), span.start, span.end, NEAR_PERSON) || nameAfterTerm(people(view), span)) && !published(span.start, span.end))) {
      findings.push({ kind: term.kind, sensitivity: 'confidential', what: term.what });
    }
  }
  return findings;
}

// Records in scripts other than Latin. The canonical text maps Cyrillic and Greek to Latin
// look-alikes and has no capitalised names to find in Chinese, Japanese or Korean, so these are
// read in the text as written (NFKC only), with how each script writes a person:
//   Cyrillic, Greek  two capitalised words ("Ивана Петрова", "Μαρία Παπαδοπούλου");
//   Japanese         a name before an honorific (さん, 様, 氏 ...), or a common surname and a given name;
//   Korean           a name before an honorific (씨, 님);
//   Chinese          a common surname and a given name, then a title (先生, 女士 ...), "被" (is
//                    [diagnosed]), "确诊" / "患有" (diagnosed with) or "的" before a pay word.
const SCRIPT_TERMS: { kind: string; what: string; pattern: RegExp }[] = [
  {
    kind: 'record.health',
    what: 'health information about a named person',
    pattern:
      /диагноз\p{L}*|диабет\p{L}*|(?<!\p{L})рак\p{L}{0,2}(?!\p{L})|депресси\p{L}*|беременн\p{L}*|инсульт\p{L}*|инфаркт\p{L}*|онколог\p{L}*|больничн\p{L}*|διάγνωσ\p{L}*|διαγνώστηκε|διαβήτ\p{L}*|καρκίν\p{L}*|κατάθλιψ\p{L}*|診断|诊断|診斷|确诊|確診|糖尿病|うつ病|抑郁症|憂鬱症|癌|妊娠|怀孕|懷孕|通院|入院|住院|진단|당뇨병|우울증|임신|항암|입원/giu,
  },
  {
    kind: 'record.compensation',
    what: 'salary or compensation of a named person',
    pattern: /зарплат\p{L}*|оклад\p{L}*|зарабатывает|μισθ\p{L}*|給与|給料|年収|月収|月給|年俸|工资|工資|月薪|年薪|薪水|薪资|薪資|연봉|월급|급여/giu,
  },
  {
    kind: 'record.performance',
    what: 'a performance or disciplinary record of a named person',
    pattern: /уволи\p{L}*|уволен\p{L}*|выговор\p{L}*|απολύθηκε|解雇|懲戒|开除|開除|辞退|辭退|해고|징계/giu,
  },
];

const JAPANESE_SURNAMES =
  '佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 斎藤 清水 山崎 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 柴田 酒井 工藤 横山 宮崎 宮本 内田 高木 安藤 島田 谷口 大野 高田 丸山 今井 河野 藤本 村田 武田 上野 杉山 増田 小山 大塚 平野 菅原 久保 松井 千葉 岩崎 桜井 木下 野口 松尾 菊地 野村 新井';
const CHINESE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤張劉陳楊黃趙吳孫馬鄭羅謝許韓馮鄧蕭蔣葉蘇呂盧鍾譚陸賈鄒龔錢嚴湯';
const SCRIPT_PEOPLE: RegExp[] = [
  /(?<!\p{L})[А-ЯЁІЇЄҐ][а-яёіїєґ]+ [А-ЯЁІЇЄҐ][а-яёіїєґ]+/gu,
  /(?<!\p{L})[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]+ [Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]+/gu,
  /[\p{Script=Han}\p{Script=Katakana}ー]{1,6}(?:さん|様|さま|氏|くん|君|ちゃん)/gu,
  new RegExp(`(?:${JAPANESE_SURNAMES.split(' ').join('|')})\\p{Script=Han}{1,3}(?=の|は|が|さん|様|氏)`, 'gu'),
  /[가-힣]{2,4} ?(?:씨|님)(?![가-힣]{2})/gu,
  new RegExp(`[${CHINESE_SURNAMES}]\\p{Script=Han}{1,2}(?:先生|女士|小姐|同学|同學|老师|老師|经理|經理|医生|醫生)`, 'gu'),
  new RegExp(`[${CHINESE_SURNAMES}]\\p{Script=Han}{1,2}(?=被|确诊|確診|患有|的(?:月薪|年薪|工资|工資|薪水|薪资|薪資|收入))`, 'gu'),
];
/** How far from the term the person may stand; CJK writes a sentence in fewer characters. */
const SCRIPT_NEAR = 40;

/** Terms read per text: a real record names a few; thousands are a hostile input. */
const MAX_SCRIPT_TERMS = 64;
/** A name may run on a little past the window around its term ("Ольги Смирновой"). */
const NAME_MARGIN = 24;

function spansIn(text: string, pattern: RegExp, offset: number): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: offset + m.index, end: offset + m.index + m[0].length }));
}

/** Is a person written near the term? Names are looked for in the stretch around it only. */
function personNearTerm(written: string, term: Span): boolean {
  const from = Math.max(0, term.start - SCRIPT_NEAR - NAME_MARGIN);
  const stretch = written.slice(from, term.end + SCRIPT_NEAR + NAME_MARGIN);
  const names = SCRIPT_PEOPLE.flatMap((pattern) => spansIn(stretch, pattern, from)).sort((a, b) => a.start - b.start || a.end - b.end);
  return anyNear(names, term.start, term.end, SCRIPT_NEAR) || nameAfterTerm(names, term);
}

/** Health, pay and HR records of a named person in Cyrillic, Greek, Chinese, Japanese or Korean, in the text as written (NFKC). */
export function findScriptRecords(written: string): Finding[] {
  const findings: Finding[] = [];
  for (const term of SCRIPT_TERMS) {
    let read = 0;
    for (const match of written.matchAll(term.pattern)) {
      if (read++ >= MAX_SCRIPT_TERMS) break;
      if (personNearTerm(written, { start: match.index, end: match.index + match[0].length })) {
        findings.push({ kind: term.kind, sensitivity: 'confidential', what: term.what });
        break;
      }
    }
  }
  return findings;
}

registerSharedPatterns('records-scripts', [...SCRIPT_TERMS.map((term) => term.pattern), ...SCRIPT_PEOPLE]);

registerDetector({
  id: 'records',
  patterns: [...RECORD_TERMS.map((term) => term.pattern), PUBLIC_FILING],
  detect: recordFindings,
});
