import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const translation: DomainPrompts = {
  simple: [
    "How do you say 'thank you' in Japanese?",
    'Translate to Spanish: Where is the train station?',
    "What does 'c'est la vie' mean?",
    'Traduis en anglais : Où est la pharmacie la plus proche ?',
    'german word for cheese?',
    "Translate 'good luck' into Italian.",
    'Translate this into French: The meeting is postponed until next Monday. Please confirm your attendance.',
    "What does 'inshallah' mean?",
    '"obrigado" is portuguese for what?',
  ],
  moderate: [
    'Translate this email into polite German for my landlord:\n\nHello, the heating in my flat has not worked since Tuesday. Could you please send someone to repair it this week? I am at home every day after 5pm. Thank you.',
    'Translate this recipe into English and convert the units to cups and Fahrenheit:\n\nBizcocho: 200 g de harina, 150 g de azúcar, 3 huevos, 100 ml de aceite. Hornear a 180 °C durante 35 minutos.',
    "What's the difference between 'ser' and 'estar' in Spanish? Give examples.",
    "Translate this paragraph to Brazilian Portuguese and keep it casual:\n\nHey everyone! We're having a barbecue on Saturday at my place, starting around 2. Bring something to drink if you can, and let me know if you're coming so I buy enough meat.",
    'Explain why Japanese has three writing systems and when each is used.',
    "Translate the lyrics of 'Frère Jacques' to English and explain what the song is about.",
  ],
  complex: [
    "Translate this sonnet into French as a sonnet, in alexandrines with a Petrarchan rhyme scheme and the same turn at the volta, then explain each place where you traded meaning for form:\n\nShall I compare thee to a summer's day?\nThou art more lovely and more temperate:\nRough winds do shake the darling buds of May,\nAnd summer's lease hath all too short a date.",
    'Translate this clause of a share purchase agreement from German into English so that it is legally equivalent under English law, and flag where German legal concepts (Gewährleistung vs. Garantie) have no exact counterpart:\n\n"Der Verkäufer garantiert im Wege eines selbständigen Garantieversprechens gemäß § 311 Abs. 1 BGB, dass die Gesellschaft zum Stichtag keine Verbindlichkeiten hat, die nicht in der Bilanz ausgewiesen sind."',
    "Localise our mobile game's tutorial for the Japanese market: not a literal translation but adapting jokes, honorifics and cultural references, keeping every string within its character limit, with a glossary so future strings stay consistent.",
    'Translate this medical informed-consent form into Spanish for patients with low literacy, keeping every legally required element, at about a sixth-grade reading level, and list the terms that need a back-translation check.',
  ],
};
