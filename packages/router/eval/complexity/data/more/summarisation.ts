import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const summarisation: DomainPrompts = {
  simple: [
    'tl;dr this in one line: The store will be closed on Monday for a public holiday and will reopen on Tuesday at 9am as usual.',
    'Give this article a title of 5 words: Scientists find that dogs can recognise their owners\' voices even over the phone, a new study shows.',
    'Summarise in one sentence: Our team met and decided to move the launch from May to June because the payment provider integration is not finished.',
    'What is this email about, in a few words?\n\nHi all, reminder that the kitchen will be cleaned on Friday, please take your food out of the fridge by Thursday evening. Thanks, Facilities',
    'one word: is this review positive or negative? "Food was cold, waiter was rude, never again."',
  ],
  moderate: [
    "Summarise the key points of this meeting transcript as bullet points with owners and deadlines:\n\nAna: We need the new pricing page live before the campaign. Ben, can you get the design done by Wednesday?\nBen: Yes, if I get the copy by Monday.\nChloe: I'll write the copy by Monday then.\nAna: Great. Dev, can you build it Thursday and Friday?\nDev: Should be fine, I need the final design though.\nAna: And we test it Monday the 14th. Launch is the 15th.",
    'Summarise the plot of 1984 by George Orwell in about 150 words.',
    'Can you condense this into an executive summary of 3-4 sentences?\n\nThe quarterly customer survey received 1,240 responses, up 18% on last quarter. Overall satisfaction rose from 7.1 to 7.6 out of 10. The largest gains were in delivery speed, following the new warehouse opening in March. Complaints about the mobile app rose, mainly about login problems after the April update. Support response times held steady at around 4 hours. Customers who used live chat were notably more satisfied than those using email.',
    'Summarise the main ideas of Stoicism for a beginner.',
    'Resume este texto en tres frases:\n\nLa empresa anunció ayer que cerrará dos de sus fábricas en el norte del país a finales de año. La decisión afecta a unos 800 trabajadores, a los que se ofrecerá la reubicación en otras plantas o un plan de bajas voluntarias. Los sindicatos han convocado una huelga para la próxima semana y exigen que se mantenga el empleo. La dirección alega que la caída de la demanda y el aumento de los costes energéticos hacen inviable mantener la producción.',
  ],
  complex: [
    'Here are five study abstracts on intermittent fasting and weight loss. Synthesise them into a literature review paragraph that compares their designs, reconciles their conflicting findings, and states what the evidence supports overall:\n\n1. RCT, 139 adults, 12 months: time-restricted eating plus calorie restriction no better than calorie restriction alone.\n2. RCT, 116 adults, 12 weeks: 16:8 eating gave modest weight loss, mostly lean mass.\n3. Meta-analysis of 27 trials: IF comparable to continuous restriction.\n4. Observational cohort, 20,000 adults: eating window under 8 hours associated with higher cardiovascular mortality.\n5. Crossover trial, 11 men: early TRE improved insulin sensitivity without weight loss.',
    'Summarise the 120-page annual report I will paste for the board, structured as: what changed versus last year, the three risks management underplays, and the questions the board should ask, each point tied to the page it comes from.',
    'Condense the history of the Eurozone crisis (2009-2015) into a two-page briefing for a new finance minister: causes, the policy responses and their trade-offs, what worked, and lessons for the next crisis, flagging contested points as contested.',
  ],
};
