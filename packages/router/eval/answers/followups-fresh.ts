// Follow-up questions, written without reading the code that answers them (held out).
import type { FollowUpQuestion } from './followups';

export const freshFollowUps: FollowUpQuestion[] = [
  // Northwind employee handbook
  { earlier: ['How many vacation days do full-time employees get?'], question: 'When do the carried-over ones expire?', documentId: 'handbook', expect: ['31 March'] },
  { earlier: ['What is the hotel limit per night on business trips?'], question: 'and in london?', documentId: 'handbook', expect: ['250 euros in London'] },
  { earlier: ['How long is the probation period at Northwind?', 'can they let me go with short notice during it?'], question: 'and once it is over, how much notice then?', documentId: 'handbook', expect: ['one month for the first two years', 'three months after that'] },
  { earlier: ["From which day of illness do I need a doctor's note?"], question: 'Is it fully paid?', expect: null },

  // Lumen Notes FAQ
  { earlier: ['How much does Lumen Plus cost?'], question: 'is there a student discount on it?', documentId: 'faq', expect: ['half price'] },
  { earlier: ['What is the maximum attachment size on the Personal plan?'], question: 'And on Plus?', documentId: 'faq', expect: ['250 MB'] },

  // Aero 3 espresso machine
  { earlier: ['What does error E1 mean on the Aero 3?'], question: 'and E3?', documentId: 'espresso', expect: ['machine is overheating'] },
  { earlier: ['How often does the Aero 3 need descaling?', 'How do I start the program?'], question: 'Could you also tell me how long it takes, please?', documentId: 'espresso', expect: ['program takes about 25 minutes'] },
  { earlier: ['How much coffee should I grind for a double espresso?'], question: 'and how long shud the shot run', documentId: 'espresso', expect: ['25 to 30 seconds'] },
  { earlier: ['How big is the water tank on the Aero 3?'], question: 'And what voltage does it need?', expect: null },

  // Information security policy
  { earlier: ['How long must passwords be?'], question: 'Do they expire?', documentId: 'security', expect: ['do not expire on a schedule'] },
  { earlier: ['How do I report a security incident?', 'How quickly must I do it?'], question: 'and if it was my laptop that got stolen?', documentId: 'security', expect: ['police within 24 hours'] },

  // Switchboard CLI release notes
  { earlier: ['Is the --legacy-auth option still supported in Switchboard?'], question: 'When will it be removed?', documentId: 'release', expect: ['version 5.0'] },

  // Sourdough recipe
  { earlier: ['How long does the bulk fermentation take?'], question: 'what if my kitchen is quite cold', documentId: 'recipe', expect: ['up to 8 hours'] },
  { earlier: ['What temperature do I preheat the oven to for the sourdough?', 'How long do I bake it with the lid on?'], question: 'And after the lid comes off?', documentId: 'recipe', expect: ['another 25 minutes', '230 °C'] },

  // Lisbon travel guide
  { earlier: ['How do I get from Lisbon airport to the city centre?'], question: 'How long does it take?', documentId: 'lisbon', expect: ['city centre in about 25 minutes'] },
  { earlier: ['What kind of plugs do they use in Portugal?'], question: 'and the voltage?', documentId: 'lisbon', expect: ['230 volts'] },
  { earlier: ['When is the best time to visit Lisbon?'], question: 'and how cold does it get in winter?', expect: null },

  // Acme–Globex contract summary
  { earlier: ['How long is the initial term of the Acme–Globex agreement?'], question: 'Does it renew after that?', documentId: 'contract', expect: ['agreement renews automatically', 'periods of 12 months'] },
  { earlier: ['What is the quarterly fee in the Acme contract?', 'When are the invoices due?'], question: 'what if Globex pays late?', documentId: 'contract', expect: ['1 percent per month'] },

  // Product planning meeting
  { earlier: ['When is the mobile app launching?'], question: 'why was it pushed back?', documentId: 'meeting', expect: ['offline sync is not stable'] },
  { earlier: ['Where is the pricing experiment running?', 'For how long?'], question: 'who decides how success is measured?', documentId: 'meeting', expect: ['Priya will define the success metric', 'Priya: write the success metric'] },

  // Parcelly shipping API
  { earlier: ['What is the Parcelly rate limit?'], question: 'what happens if I go over it?', documentId: 'api', expect: ['status 429', 'Retry-After'] },
  { earlier: ['How do I buy a label with Parcelly?', 'Can I cancel it?'], question: 'Until when?', documentId: 'api', expect: ['voided within 24 hours'] },
  { earlier: ['What does a 401 mean in the Parcelly API?'], question: 'and a 422?', documentId: 'api', expect: ['could not be verified', 'address_unverifiable'] },

  // Data journalism syllabus
  { earlier: ['How much is the final project worth in Data Journalism 201?'], question: 'And the midterm?', documentId: 'syllabus', expect: ['midterm data story for 30 percent'] },
  { earlier: ['When is the final project due?'], question: 'and the proposal?', documentId: 'syllabus', expect: ['10 April 2026'] },
  { earlier: ['Do I need programming experience for the data journalism course?'], question: 'ok so when do we install python then', documentId: 'syllabus', expect: ['week three'] },

  // Brightdesk pricing
  { earlier: ['What is the Growth plan?'], question: 'How much does it cost?', documentId: 'pricing', expect: ['39 dollars per agent per month'] },
  { earlier: ['How long is the Brightdesk free trial?', 'Do I need a credit card for it?'], question: 'what happens when it ends?', documentId: 'pricing', expect: ['moves to the Starter plan'] },
  { earlier: ['Do nonprofits get a discount on Brightdesk?'], question: 'and startups?', documentId: 'pricing', expect: ['Starter price', 'Startups younger than two years'] },

  // HomeShield contents insurance
  { earlier: ['What is the excess on a HomeShield claim?'], question: 'and for water damage?', documentId: 'insurance', expect: ['excess for water damage is 500 euros'] },
  { earlier: ['How fast are approved HomeShield claims paid?'], question: 'they pay the price of new item or of the old one?', documentId: 'insurance', expect: ['items younger than two years', 'replacing an item with a new one'] },

  // Greenway bike share
  { earlier: ['How much does the Greenway monthly pass cost?'], question: 'and the annual one?', documentId: 'bikeshare', expect: ['120 euros'] },
  { earlier: ['How do I return a Greenway bike?', 'What if the dock is full?'], question: 'and if i just dont bring it back at all??', documentId: 'bikeshare', expect: ['fee of 400 euros'] },

  // Riverside dental FAQ
  { earlier: ['How much does a check-up cost at Riverside Dental?'], question: 'And fillings?', documentId: 'dental', expect: ['Fillings start at 120 pounds'] },
  { earlier: ['Does Riverside Dental treat children?'], question: 'On which days, please?', documentId: 'dental', expect: ['Tuesday and Thursday afternoons'] },

  // Office move project update
  { earlier: ['How many desks does the new office have?'], question: 'how far ahead can I book one?', documentId: 'office-move', expect: ['two weeks ahead'] },

  // Houseplant care guide
  { earlier: ['How often should I water a Boston fern?'], question: 'and a monstera?', documentId: 'plants', expect: ['every one to two weeks', 'top 5 cm'] },
  { earlier: ['Is a monstera toxic to cats?'], question: 'what about the fern?', expect: null },

  // Nimbus backup troubleshooting
  { earlier: ['What does NB-204 mean?'], question: 'how do I fix it?', documentId: 'backup', expect: ['Delete old versions', 'upgrade your plan'] },

  // Tenancy summary
  { earlier: ['How much notice does the tenant have to give at Flat 4B?'], question: 'and the landlord?', documentId: 'tenancy', expect: ['landlord must give two months'] },
  { earlier: ['Who is responsible for the boiler at Flat 4B?', 'How fast do they come for urgent stuff?'], question: 'what do i have to fix myself', documentId: 'tenancy', expect: ['light bulbs'] },

  // Kestrel V8 vacuum warranty
  { earlier: ['How long is the Kestrel V8 warranty?'], question: 'And for the motor, how long it is?', documentId: 'vacuum-warranty', expect: ['5 years'] },
  { earlier: ['How long is the battery of the Kestrel V8 guaranteed for?', 'How much is a new one?'], question: 'Does the new one come with a guarantee too?', documentId: 'vacuum-warranty', expect: ['its own 12 month guarantee'] },

  // Fernhill IT onboarding
  { earlier: ['What laptop do architects get at Fernhill?'], question: 'and everyone else?', documentId: 'it-onboarding', expect: ['14-inch Dell Latitude'] },
  { earlier: ['When is planned IT maintenance at Fernhill?', 'What might be down then?'], question: 'how will I hear about it?', documentId: 'it-onboarding', expect: ['IT Announcements channel'] },

  // Tallyhop FAQ
  { earlier: ['How much is Tallyhop Pro?'], question: 'and if I pay yearly?', documentId: 'tallyhop-faq', expect: ['290 dollars per year'] },
  { earlier: ['Can Tallyhop chase clients who pay late?'], question: 'When do the emails go out?', documentId: 'tallyhop-faq', expect: ['3, 7 and 14 days'] },

  // The Copper Pot allergens
  { earlier: ['What allergens are in the crispy squid?'], question: 'Is it ok for coeliacs?', documentId: 'allergens', expect: ['suitable for people with coeliac disease', 'shared fryer'] },

  // Millbrook waste collection
  { earlier: ['How often will the black bin be collected from April?'], question: 'and glass?', documentId: 'waste-collection', expect: ['every four weeks'] },

  // Riverbend allotment AGM
  { earlier: ['Who was elected chair at the Riverbend AGM?'], question: 'Was anybody standing against her?', documentId: 'allotment-agm', expect: ['unopposed'] },
  { earlier: ['When will the water troughs be turned back on?'], question: 'how much did the water cost last year?', expect: null },

  // Oakleigh Farm kennel FAQ
  { earlier: ['How much is a night at Oakleigh Farm for one dog?'], question: 'and over christmas?', documentId: 'kennel-faq', expect: ['5 pounds more'] },
  { earlier: ['How do I cancel a kennel booking at Oakleigh?'], question: 'and if it is only three days before we arrive?', documentId: 'kennel-faq', expect: ['charged one night'] },

  // tidyphotos README
  { earlier: ['How does tidyphotos handle duplicates?'], question: 'does it delete them?', documentId: 'tidyphotos-readme', expect: ['instead of being deleted'] },
  { earlier: ['Where is the tidyphotos config file on Linux?'], question: 'and on windows?', documentId: 'tidyphotos-readme', expect: ['%APPDATA%'] },

  // Saltmarsh hotel guest information
  { earlier: ['What time is check-out at the Saltmarsh?'], question: 'can i stay bit later?', documentId: 'saltmarsh-hotel', expect: ['14:00 costs 25 pounds', 'Late check-out'] },
  { earlier: ['When is breakfast served at the Saltmarsh?', 'is it included in the price?'], question: 'And if we booked room only?', documentId: 'saltmarsh-hotel', expect: ['18 pounds per adult'] },
  { earlier: ['How much is a massage at the Saltmarsh spa?'], question: 'is there a sauna as well?', expect: null },

  // Ashgrove parent handbook
  { earlier: ['How much is breakfast club at Ashgrove?'], question: 'and the after-school one?', documentId: 'ashgrove-parents', expect: ['11 pounds per session'] },
  { earlier: ['When does the spring term start at Ashgrove?', 'and when does it end?'], question: 'is there a half term in it?', documentId: 'ashgrove-parents', expect: ['16 to 20 February 2026'] },

  // Velox Hub 6 router
  { earlier: ['What does a solid orange light mean on the Velox Hub?'], question: 'and flashing orange?', documentId: 'velox-router', expect: ['cannot log in'] },
  { earlier: ['How do I factory reset the Velox Hub 6?'], question: 'will I lose my wifi name if I do that?', documentId: 'velox-router', expect: ['erases all your settings'] },

  // Haverford library FAQ
  { earlier: ['How long can I keep a library book at Haverford?'], question: 'and DVDs?', documentId: 'haverford-library-faq', expect: ['DVDs for one week'] },
  { earlier: ['How much are late fees for adult books at Haverford?'], question: 'wat about kids', documentId: 'haverford-library-faq', expect: ['never charge children'] },

  // Greenleaf pharmacy FAQ
  { earlier: ['Does Greenleaf Pharmacy deliver?'], question: 'how much does it cost?', documentId: 'greenleaf-pharmacy-faq', expect: ['3.50 pounds per delivery'] },
  { earlier: ['My husband can pick up my prescription at Greenleaf?', 'what he must tell you?'], question: 'And if it is strong painkillers?', documentId: 'greenleaf-pharmacy-faq', expect: ['must also show photo ID'] },

  // Tidewater marathon race pack
  { earlier: ['When does wave B start at the Tidewater Marathon?'], question: 'and wave C?', documentId: 'tidewater-marathon', expect: ['8:45'] },
  { earlier: ['Can I defer my Tidewater place to next year?'], question: 'what does that cost?', documentId: 'tidewater-marathon', expect: ['15 pound admin fee'] },
  { earlier: ['When do the Tidewater results come out?'], question: 'and is there prize money for the winners?', expect: null },

  // The Loom coworking house rules
  { earlier: ['How many guests can I bring to the Loom?'], question: 'and if I bring more?', documentId: 'loom-coworking', expect: ['25 pounds each'] },
];
