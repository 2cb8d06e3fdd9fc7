// A fourth, independent held-out part of the answer eval, written by someone who had not seen the
// answerer's code, its tuning or its failures, so nothing learned while tuning can leak into it.
// New documents of everyday kinds the other parts lack (a seaside hotel's guest information page
// in markdown, a primary school parent handbook extract with term dates, a broadband router quick
// start guide, a public library membership FAQ, a pharmacy prescriptions FAQ, a marathon race-day
// pack with timings and deadlines, a coworking space's house rules as bullet lists) and questions
// about them in every kind: plain (the most common), noisy (pasted ids, greetings, stories, typos,
// lowercase, signatures), faq (answered from the FAQ answers, not the question lines), paraphrase,
// summary, dates, mentions (checked against the whole corpus) and none (near misses on the same
// topics, general knowledge, one noisy). All of it counts as held out.
import type { EvalDocument } from './documents';
import { heldOutQuestion, heldOutQuestionAll, type EvalQuestion } from './questions';

export const fresh4Documents: EvalDocument[] = [
  {
    id: 'saltmarsh-hotel',
    title: 'The Saltmarsh Hotel — Guest Information',
    format: 'markdown',
    text: `# The Saltmarsh Hotel — Guest Information

Welcome to The Saltmarsh, a 32-room hotel on the seafront at Wrenmouth. This page answers the questions our guests ask most often. Reception is staffed 24 hours a day: dial 0 from the phone in your room, or call +44 1632 960 418 from outside the hotel.

## Arrival and departure

Check-in opens at 15:00 and rooms must be vacated by 11:00 on the day of departure. Late check-out until 14:00 costs 25 pounds and can be booked at reception the evening before, subject to availability. If you expect to arrive after midnight, please tell us in advance so the night porter can have your key ready. We are happy to store luggage behind reception, free of charge, before check-in and after check-out.

## Breakfast and dining

Breakfast is served in the Orangery from 7:00 to 10:30 on weekdays and from 7:30 to 11:00 on Saturdays and Sundays. It is included in every rate except Room Only; Room Only guests can add it for 18 pounds per adult, and children under 12 eat for 9 pounds. The Driftwood Bar serves light meals from 12:00 to 21:30, and the restaurant takes its last dinner orders at 21:00. Room service is available from 7:00 to 22:00 — dial 5 from your room.

## Rooms and housekeeping

Every room has a kettle, a hairdryer, a safe in the wardrobe and a smart TV. Irons and ironing boards are available on request from reception. Rooms are cleaned daily between 9:30 and 14:00; hang the green card on your door if you would rather we skipped a day. Extra pillows, cots and baby baths are free, but cots must be requested at least 48 hours before arrival because we only have six.

## Pool and spa

The indoor pool is open from 7:00 to 21:00. Children under 16 may use it only between 9:00 and 11:00 and between 15:00 and 17:00, and must be accompanied by an adult. Towels are provided at the poolside. Spa treatments are booked at the spa desk or on extension 7; a 50-minute full body massage costs 70 pounds.

## Getting around

Wrenmouth railway station is a 12-minute walk along the promenade. The number 64 bus to the old town stops outside the hotel every 30 minutes until 23:00. We lend bicycles free of charge, with helmets and locks, for the length of your stay — ask at reception.

## Good to know

- Smoking, including e-cigarettes, is not permitted anywhere inside the hotel. A cleaning charge of 150 pounds applies if a room has been smoked in.
- Quiet hours are from 23:00 to 7:00.
- The front door is locked at 23:30; your room key card opens it.
- Lost property is kept for three months and can be posted to you for a fee.
`,
  },
  {
    id: 'ashgrove-parents',
    title: 'Ashgrove Primary School — Parent Handbook 2025–26 (Extract)',
    format: 'text',
    text: `Ashgrove Primary School — Parent Handbook 2025–26 (Extract)

This extract covers the day-to-day arrangements parents ask about most. The full handbook is on the school website. Headteacher: Mrs Priya Khatri. School office: office@ashgrove.example, telephone 01632 960 227, open 8:00 to 16:00 in term time.

The school day
The gates open at 8:35 and the school day starts at 8:50. Children arriving after 9:00 must be signed in at the office by a parent. Reception and Key Stage 1 finish at 15:15 and Key Stage 2 at 15:20. Reception children are collected from the Reception garden gate; all other children are collected from the main playground.

Term dates
Autumn term runs from Wednesday 3 September 2025 to Friday 19 December 2025, with half term from 27 to 31 October 2025. Spring term runs from Monday 5 January 2026 to Friday 27 March 2026, with half term from 16 to 20 February 2026. Summer term runs from Monday 13 April 2026 to Wednesday 22 July 2026, with half term from 25 to 29 May 2026. The school is closed to pupils for staff training on 1 and 2 September 2025, 17 November 2025 and 1 June 2026.

Absence
If your child is ill, phone the absence line on 01632 960 228 before 9:15 on every day of absence. Children who have had sickness or diarrhoea must stay at home for 48 hours after the last episode. Holidays in term time are not authorised except in exceptional circumstances, and requests must be made on the leave of absence form at least four weeks in advance. Five or more days of unauthorised absence may lead to a penalty notice from the local authority of 80 pounds per parent.

Uniform
Bottle green sweatshirt or cardigan with the school logo, white polo shirt, grey trousers, skirt or pinafore, and black shoes. In the summer term children may also wear green and white checked dresses. PE kit is a white T-shirt, black shorts and plimsolls in a named drawstring bag, kept in school from Monday to Friday. New uniform is sold by Tillbrook Schoolwear on the high street, and the PTA sells second-hand uniform after school on the first Friday of each month for 2 pounds an item.

Lunches and snacks
All children in Reception, Year 1 and Year 2 receive a free school meal. For older pupils lunch costs 2.60 pounds a day, paid in advance through the ParentPay app. Packed lunches are welcome but must not contain nuts, sweets or fizzy drinks. Every child is given a free piece of fruit at morning break.

Breakfast and after-school clubs
Breakfast club runs in the school hall from 7:45 and costs 4.50 pounds per session, including breakfast. The after-school club, Kites, runs until 18:00 and costs 11 pounds per session. Both are booked through ParentPay by the Thursday of the previous week. Collecting a child from Kites after 18:00 is charged at 5 pounds for every 10 minutes.

Medicines
Staff can only give medicines prescribed by a doctor, in the original labelled container, once a parent has completed the medicine consent form at the office. Inhalers are kept in the classroom and go with the class on every trip.
`,
  },
  {
    id: 'velox-router',
    title: 'Velox Hub 6 Broadband Router — Quick Start Guide',
    format: 'text',
    text: `Velox Hub 6 Broadband Router — Quick Start Guide

In the box
Velox Hub 6 router, 12 V power adapter, 1.5 m grey broadband cable, 2 m yellow Ethernet cable, a microfilter and this guide.

Before you start
Wait until your activation date. We send you a text message on the day your line goes live, usually after 8:00. Plugging the Hub in earlier will not damage it, but it will not connect.

Setting up
1. Plug the grey broadband cable into the grey DSL port on the back of the Hub and the other end into the microfilter in your main phone socket. If you have full fibre, use the green WAN port instead and connect it to the fibre box on your wall with the yellow Ethernet cable.
2. Connect the power adapter and press the power button on the back.
3. Wait for the light on the front to turn solid white. The first time, this can take up to 10 minutes while the Hub downloads updates. Do not switch it off during this time.
4. Connect your devices. The Wi-Fi name and wireless key are printed on the pull-out card on the back of the Hub.

What the light means
- Solid white: connected and working
- Flashing green: starting up or installing an update
- Solid orange: no broadband signal. Check that all cables are pushed in firmly, then restart the Hub
- Flashing orange: the Hub can see the line but cannot log in. Call us
- Blue: WPS pairing mode, which lasts for 2 minutes
- Red: hardware fault. Call us

Hub Manager
To change your settings, open a web browser on a connected device and go to 192.168.1.254. The admin code is printed on the same pull-out card. In Hub Manager you can rename your network, set parental controls and schedules, and switch on the guest network, which is off by default: go to Hub Manager > Wireless > Guest.

Getting the best wireless signal
Stand the Hub upright on a shelf at least 1 metre off the floor, in the open rather than inside a cupboard or behind the TV. Keep it away from microwaves, fish tanks, mirrors and cordless phone bases.

Restarting and resetting
To restart, switch the Hub off at the back, wait 30 seconds and switch it on again. A factory reset erases all your settings, including any change to the network name: push a straightened paper clip into the pinhole marked Reset and hold it for 20 seconds until the light flashes green.

Help and replacements
Call Velox support on 0800 014 3321, from 8:00 to 22:00 every day, or chat with us in the My Velox app. If your Hub develops a fault during your 24-month contract, we send a free replacement by the next working day. Please return the old Hub in the prepaid bag within 14 days, otherwise a 60 pound non-return charge applies.
`,
  },
  {
    id: 'haverford-library-faq',
    title: 'Haverford Public Library — Membership FAQ',
    format: 'text',
    text: `Haverford Public Library — Membership FAQ

Who can join the library?
Anyone who lives, works or studies in the Borough of Haverford can join free of charge. Everyone else is welcome to join for an annual fee of 15 pounds.

What do I need to bring to join?
Bring one photo ID and a proof of address dated within the last three months, such as a utility bill or a bank statement. Children under 16 join with a parent or guardian, who signs the form for them. You can also start your application online and collect your card from any branch.

How many items can I borrow?
Adults can have up to 20 items on loan at once, of which a maximum of 4 can be DVDs. Children's cards allow up to 12 items.

How long can I keep books?
Books are lent for three weeks and DVDs for one week. You can renew an item up to five times, unless another member has reserved it.

How do I renew my loans?
Renew online at haverfordlibraries.example, in the Haverford Libraries app, or by phoning 01632 960 550. The self-service kiosks in our branches cannot renew items.

Do you charge for late returns?
Overdue adult books cost 25p per day, up to a maximum of 6 pounds per item. Overdue DVDs cost 1 pound per day. We never charge children's and teen cards for late returns.

What happens if I lose something I borrowed?
You pay the replacement cost shown in the catalogue plus a 3 pound processing charge. If you find the item within 90 days and bring it back in good condition, we pay back the replacement cost, but not the processing charge.

Can I reserve a book?
Yes. Reservations cost 1 pound for items in the Haverford catalogue and are free on children's cards. Items borrowed from other library services through inter-library loan cost 4 pounds. We email or text you when your item arrives, and we hold it for 7 days at the branch you chose.

Do you lend e-books?
Yes, through the Libby app. Sign in with your card number and your 4-digit PIN. You can borrow up to 8 e-books and 8 e-audiobooks at a time for 21 days each, and they return themselves automatically.

I've forgotten my PIN. What should I do?
Use the Reset PIN link on the catalogue sign-in page and we will email a new PIN to the address on your account. If we do not have an email address for you, bring your card to any branch.

Can I use the computers?
Members get 2 hours free computer use per day. Printing costs 15p per black and white page and 50p per colour page. Visitors without a card can buy a one-hour pass for 2 pounds.

When is the library open?
Central Library is open Monday to Friday from 9:00 to 19:00, Saturday from 9:00 to 17:00 and Sunday from 11:00 to 15:00. Branch libraries have shorter hours, which are listed on our website.
`,
  },
  {
    id: 'greenleaf-pharmacy-faq',
    title: 'Greenleaf Pharmacy — Prescriptions: Your Questions Answered',
    format: 'text',
    text: `Greenleaf Pharmacy — Prescriptions: Your Questions Answered

Greenleaf Pharmacy, 18 Market Row, Haddon. Superintendent pharmacist: Daniel Osei.

How do I order a repeat prescription?
Order through the Greenleaf app, hand the right-hand side of your repeat slip in at our counter, or ask your GP surgery to send prescriptions to us electronically by nominating us (our nomination code is FQ482). Please order at least 7 days before you run out.

How long will my prescription take?
Electronic prescriptions are usually ready within 3 working days of your GP signing them. Paper prescriptions handed in at the counter are normally ready in about 20 minutes. We send you a text message as soon as your medicines are ready to collect.

How much does a prescription cost?
The NHS prescription charge in England is 9.90 pounds per item. If you need several items regularly, a Prescription Prepayment Certificate can save you money: it costs 32.05 pounds for 3 months or 114.50 pounds for 12 months and covers all your NHS prescriptions in that time.

Who gets free prescriptions?
You do not pay if you are aged 60 or over, under 16, aged 16 to 18 and in full-time education, pregnant or have had a baby in the last 12 months and hold a valid maternity exemption certificate, or receive certain benefits. Tick the right box on the back of the form and be ready to show proof.

Can someone else collect my prescription?
Yes. The person collecting must give your name, address and date of birth. For controlled drugs, such as some strong painkillers, they must also show photo ID and sign the back of the prescription.

Do you deliver?
We deliver to addresses within 5 miles of the pharmacy. Delivery is free for housebound patients and anyone over 75; for everyone else it costs 3.50 pounds per delivery. Our driver delivers on Tuesday and Friday afternoons between 13:00 and 17:00, and someone must be at home to sign for the parcel.

What if I don't collect my prescription?
Uncollected medicines are kept for 28 days. After that they are returned to stock and we let your GP surgery know.

How do I get rid of medicines I no longer need?
Bring them to the counter in a bag and we will dispose of them safely, free of charge. Please do not put medicines in the household bin or flush them down the toilet. Used needles must go in a yellow sharps bin, which we supply free.

Can I get advice without seeing my GP?
Yes. Our pharmacists can assess and treat seven common conditions without a GP appointment, including sinusitis, sore throat and earache, under the Pharmacy First service. Consultations take place in our private consultation room.

When are you open?
Monday to Friday from 8:30 to 18:30 and Saturday from 9:00 to 13:00. We are closed on Sundays and bank holidays; the nearest pharmacy that is open is shown on a notice on our door.
`,
  },
  {
    id: 'tidewater-marathon',
    title: 'Tidewater Marathon 2026 — Race Day Information',
    format: 'markdown',
    text: `# Tidewater Marathon 2026 — Race Day Information

Thank you for entering the Tidewater Marathon, which takes place on Sunday 19 April 2026. Please read this pack carefully: it contains everything you need to know for race weekend.

## Collecting your race pack

Your race pack contains your bib number with its timing chip, four safety pins, a clear kit bag and a bag sticker. It must be collected in person from the Race Expo at Quayside Hall on Friday 17 April (12:00 to 20:00) or Saturday 18 April 2026 (9:00 to 18:00). There is no race-day collection. Bring photo ID and the confirmation email with your QR code. Someone else can collect your pack if they bring a signed authorisation form and a copy of your ID.

## Race day timetable

- 6:30 — Baggage drop opens in Victoria Gardens
- 7:45 — Baggage drop closes
- 8:00 — Wheelchair race starts
- 8:15 — Wave A starts (bib numbers 1 to 3999)
- 8:30 — Wave B starts (bib numbers 4000 to 7999)
- 8:45 — Wave C starts (bib numbers 8000 and above)
- 15:45 — Course closes

The time limit is 7 hours from the start of the final wave. A sweep bus follows the last runners at that pace; if it passes you, please move onto the pavement and follow the usual rules of the road, or board the bus.

## Baggage

Only the clear kit bag from your race pack will be accepted at baggage drop, one per runner. Do not leave valuables in it. Bags must be collected by 17:00. Unclaimed bags are taken to lost property at Quayside Hall and kept for 14 days.

## On the course

Water stations are every 5 km, starting at 5 km, with water in 330 ml bottles. Fuelwave energy gels in orange and berry flavours are handed out at 15 km, 25 km and 35 km. Pacers with yellow flags run for finish times from 3:00 to 5:30 in 15-minute steps. Every water station has a first aid point. Headphones are allowed, but you must be able to hear marshals and emergency vehicles, so we recommend bone-conduction headphones.

## Transfers and deferrals

Bib transfers are not allowed: running with somebody else's number disqualifies both runners. You can defer your place to 2027 until 31 March 2026 from your entrant account; deferral costs a 15 pound admin fee.

## After the finish

Every finisher receives a medal, a foil blanket and a finisher T-shirt in the size chosen at entry. T-shirts can be swapped for another size at the exchange tent after 13:00. Official chip times are published at results.tidewatermarathon.example within 2 hours of finishing. Meet your family in the reunion area on Marine Parade, where signs are lettered A to Z by surname.

## Getting there

Roads on the course are closed from 5:00 to 17:00. Coastline Rail runs extra early trains on race day, and the first one arrives at Tidewater Central at 6:10. Runners travel free on local buses all day by showing their bib.

## Contact

Email info@tidewatermarathon.example. On race day the helpline 01632 960 900 is staffed from 6:00.
`,
  },
  {
    id: 'loom-coworking',
    title: 'The Loom Coworking — House Rules',
    format: 'markdown',
    text: `# The Loom Coworking — House Rules

Welcome to The Loom, 4 Weaver's Yard. These rules keep the space pleasant for everyone. Questions go to our community manager, Hannah Ferreira, at hello@theloom.example.

## Access

- The front desk is staffed Monday to Friday from 8:30 to 18:00.
- Dedicated Desk and Private Office members have 24/7 access with their key fob. Flex members can use the space during staffed hours only.
- A lost key fob costs 20 pounds to replace.
- Do not hold the door for people you do not know. Every visitor must be signed in at the front desk.

## Guests

- Members may bring up to 2 guests a day free of charge. Additional guests need a day pass, which costs 25 pounds each.
- Guests must stay with their host at all times and leave by 18:00.

## Desks and storage

- Flex desks on the first floor are first come, first served. Clear your desk at the end of each day; anything left overnight is moved to lost property.
- Dedicated desks come with a lockable pedestal. Please keep your desk tidy and cables off the floor.
- Lockers can be rented for 15 pounds per month.

## Meeting rooms

- Book meeting rooms in the Loom app. Flex members get 4 hours of meeting room credit per month and Dedicated Desk members get 10 hours.
- Extra time costs 18 pounds per hour for the Shuttle room (6 people) and 30 pounds per hour for the Loom Room (12 people).
- Bookings are limited to 3 hours at a time. Cancel at least 2 hours in advance, or the credit is used.

## Calls and noise

- The first floor is a quiet zone: no calls, and use headphones for any audio.
- Take calls in the phone booths on each floor. Phone booths can be used for up to 45 minutes at a time.
- The ground floor café area is for conversation and informal meetings.

## Kitchen

- Coffee, tea and milk are free.
- Label food in the fridge with your name and the date. The fridge is cleared every Friday at 16:00.
- Put your own cups and plates in the dishwasher, and please do not reheat fish in the microwave.

## Post and printing

- Parcels are held at the front desk for 10 working days.
- A business address service is included for Private Office members and costs 20 pounds per month for everyone else.
- Each member can print 100 black and white pages a month for free; after that, printing costs 10p per page, or 40p for colour.

## Safety

- The fire alarm is tested every Wednesday at 11:00. In a real alarm, leave by the nearest exit and gather at the assembly point outside St Anne's church gates.
- Bicycles go in the bike store in the courtyard, never in corridors or stairwells.

## Leaving

- To end your membership, give one calendar month's notice by email to hello@theloom.example.
`,
  },
];

const q = heldOutQuestion;
const all = heldOutQuestionAll;

export const fresh4Questions: EvalQuestion[] = [
  // Hotel guest information
  q('plain', 'saltmarsh-hotel', 'What time is check-in at the Saltmarsh Hotel?', 'Check-in opens at 15:00'),
  q('plain', 'saltmarsh-hotel', 'How much is late check-out at the Saltmarsh?', '25 pounds'),
  q('plain', 'saltmarsh-hotel', 'When is breakfast served at the Saltmarsh on weekends?', '7:30 to 11:00'),
  q('plain', 'saltmarsh-hotel', 'How much does breakfast cost on a Room Only rate?', '18 pounds per adult'),
  q('plain', 'saltmarsh-hotel', 'What number do I dial for room service at the Saltmarsh?', 'dial 5'),
  q('paraphrase', 'saltmarsh-hotel', "We're travelling with our baby and need somewhere for her to sleep in the room. Is that a problem?", '48 hours before arrival'),
  q('noisy', 'saltmarsh-hotel', 'Booking ref SMH-20931-K, arriving Friday.\nwhat time do we have to be out of the room on the last day', 'vacated by 11:00'),
  q('noisy', 'saltmarsh-hotel', 'hi!! my partner vapes, is he allowed to vape in our room at the saltmarsh', 'not permitted anywhere inside the hotel'),

  // School parent handbook
  q('plain', 'ashgrove-parents', 'What time does the school day start at Ashgrove?', 'starts at 8:50'),
  q('plain', 'ashgrove-parents', 'When does Key Stage 2 finish at Ashgrove?', '15:20'),
  q('plain', 'ashgrove-parents', 'How much is breakfast club at Ashgrove?', '4.50 pounds per session'),
  q('plain', 'ashgrove-parents', 'How much does a school lunch cost for older pupils at Ashgrove?', '2.60 pounds a day'),
  q('plain', 'ashgrove-parents', 'When does the spring term start at Ashgrove Primary?', '5 January 2026'),
  q('paraphrase', 'ashgrove-parents', 'My son had a stomach bug last night. When can he go back to class?', '48 hours after the last episode'),
  q('paraphrase', 'ashgrove-parents', 'What happens if I pick my daughter up late from the after-school club?', '5 pounds for every 10 minutes'),
  q('noisy', 'ashgrove-parents', 'Hello,\nmy daughter Amelia is in Year 4 (class Oak). what colour are the school jumpers', 'Bottle green'),
  q('noisy', 'ashgrove-parents', 'ParentPay account 4471-2290 — by when do i need to book breakfast club', 'by the Thursday of the previous week'),

  // Router quick start
  q('plain', 'velox-router', 'What does a solid orange light on the Velox Hub mean?', 'no broadband signal'),
  q('plain', 'velox-router', 'How do I factory reset the Velox Hub 6?', 'pinhole marked Reset'),
  q('plain', 'velox-router', 'What is the Velox support phone number?', '0800 014 3321'),
  q('plain', 'velox-router', 'What address do I type in to open Hub Manager?', '192.168.1.254'),
  q('paraphrase', 'velox-router', "I plugged in my new router and it's been blinking green for a while. Is it broken?", 'up to 10 minutes'),
  q('paraphrase', 'velox-router', "What if I don't send my faulty router back after Velox replaces it?", '60 pound non-return charge'),
  q('noisy', 'velox-router', 'Account no. VX-00982271, postcode WR4 7TT\nmy hub light is red what does that mean', 'hardware fault'),
  q('noisy', 'velox-router', 'quick q — how do i turn on the guest wifi on the velox hub', 'Hub Manager > Wireless > Guest'),

  // Library membership FAQ
  q('faq', 'haverford-library-faq', 'How many items can I borrow at once from the library?', 'up to 20 items'),
  q('faq', 'haverford-library-faq', 'How long can I keep a library book?', 'three weeks'),
  q('faq', 'haverford-library-faq', 'Does the library charge for returning books late?', '25p per day'),
  q('faq', 'haverford-library-faq', 'What do I have to bring to join the library?', 'proof of address dated within the last three months'),
  q('faq', 'haverford-library-faq', "I've forgotten my library PIN, what should I do?", 'Reset PIN link'),
  q('plain', 'haverford-library-faq', 'How much does it cost to reserve a book at Haverford Library?', 'Reservations cost 1 pound'),
  q('plain', 'haverford-library-faq', 'When is Haverford Central Library open on Sundays?', '11:00 to 15:00'),
  q('paraphrase', 'haverford-library-faq', "I don't live in Haverford. Can I still get a library card there?", 'annual fee of 15 pounds'),
  q('noisy', 'haverford-library-faq', 'Library card 29384000123456 — how many times can i renew a book', 'up to five times'),

  // Pharmacy prescriptions FAQ
  q('faq', 'greenleaf-pharmacy-faq', 'How can I order my repeat prescription at Greenleaf?', ['Greenleaf app', 'at least 7 days before you run out']),
  q('faq', 'greenleaf-pharmacy-faq', 'How long does my prescription take to be ready?', 'within 3 working days'),
  q('faq', 'greenleaf-pharmacy-faq', 'Can somebody else pick up my prescription?', 'name, address and date of birth'),
  q('faq', 'greenleaf-pharmacy-faq', 'Does Greenleaf Pharmacy deliver?', 'within 5 miles'),
  q('faq', 'greenleaf-pharmacy-faq', "How do I get rid of medicines I don't need any more?", 'dispose of them safely'),
  q('plain', 'greenleaf-pharmacy-faq', 'How much is a prescription item at Greenleaf?', '9.90 pounds per item'),
  q('plain', 'greenleaf-pharmacy-faq', "What is Greenleaf Pharmacy's nomination code?", 'FQ482'),
  q('plain', 'greenleaf-pharmacy-faq', 'What are Greenleaf Pharmacy’s Saturday opening hours?', '9:00 to 13:00'),
  q('paraphrase', 'greenleaf-pharmacy-faq', 'I forgot to pick up my tablets a few weeks ago. Are they still waiting for me at the pharmacy?', 'kept for 28 days'),
  q('paraphrase', 'greenleaf-pharmacy-faq', 'I take four different medicines every month. Is there a cheaper way to pay for them?', 'Prescription Prepayment Certificate'),
  q('noisy', 'greenleaf-pharmacy-faq', 'My NHS number is 943 476 5919, DOB 02/03/1958. im 67 now, do i still have to pay for prescriptions', 'aged 60 or over'),

  // Marathon race-day information
  q('plain', 'tidewater-marathon', 'When is the Tidewater Marathon?', '19 April 2026'),
  q('plain', 'tidewater-marathon', 'Where do I collect my race pack for the Tidewater Marathon?', 'Quayside Hall'),
  q('plain', 'tidewater-marathon', 'What time does wave B start at the Tidewater Marathon?', '8:30'),
  q('plain', 'tidewater-marathon', 'When does baggage drop close on marathon day?', '7:45'),
  q('plain', 'tidewater-marathon', 'What is the time limit for the Tidewater Marathon?', '7 hours'),
  q('paraphrase', 'tidewater-marathon', "I've hurt my knee and can't run in April. Can I keep my place for next year instead?", ['defer your place to 2027', '15 pound admin fee']),
  q('noisy', 'tidewater-marathon', 'Bib 4412, entry ref TWM26-88123.\nare headphones allowed during the race??', 'Headphones are allowed'),
  q(
    'noisy',
    'tidewater-marathon',
    "Hi team,\n\nI'm coming down from the north on race morning and my friend says there are no early trains. I don't drive. What time does the first train get into Tidewater on race day?\n\nThanks, Priya",
    '6:10',
  ),

  // Coworking house rules
  q('plain', 'loom-coworking', 'How many guests can I bring to The Loom?', 'up to 2 guests a day'),
  q('plain', 'loom-coworking', 'How much does a replacement key fob cost at The Loom?', '20 pounds to replace'),
  q('plain', 'loom-coworking', 'When is the fridge cleared at The Loom?', 'every Friday at 16:00'),
  q('plain', 'loom-coworking', 'How long can I use a phone booth at The Loom?', '45 minutes'),
  q('plain', 'loom-coworking', 'How much meeting room credit do Flex members get at The Loom?', '4 hours of meeting room credit'),
  q('paraphrase', 'loom-coworking', "I'm on the Flex plan. Can I come in to work at 10 at night?", 'during staffed hours only'),
  q('paraphrase', 'loom-coworking', 'How do I cancel my coworking membership?', "one calendar month's notice"),
  q('noisy', 'loom-coworking', 'hey, Tom from desk 14 here (tom.r@brightforge.example). when does the fire alarm get tested', 'every Wednesday at 11:00'),
  q('noisy', 'loom-coworking', 'how much do lockers cost at the loom', '15 pounds per month'),

  // Summaries, dates, mentions
  q('summary', 'ashgrove-parents', 'Summarize the Ashgrove parent handbook', 'Ashgrove Primary School'),
  q('summary', 'tidewater-marathon', 'Give me an overview of the marathon race day information', 'Tidewater Marathon 2026'),
  all('dates', 'ashgrove-parents', 'What are the term dates at Ashgrove Primary?', ['3 September 2025', '5 January 2026', '13 April 2026']),
  all('dates', 'tidewater-marathon', 'What are the important dates for the Tidewater Marathon?', ['19 April 2026', '18 April 2026', '31 March 2026']),
  all('mentions', undefined, 'Which documents mention lost property?', ['The Saltmarsh Hotel', 'Tidewater Marathon 2026', 'The Loom Coworking']),
  all('mentions', undefined, 'Which documents mention photo ID?', ['Haverford Public Library', 'Greenleaf Pharmacy', 'Tidewater Marathon 2026']),

  // Not in the documents
  q('none', undefined, 'Can I bring my cat to the Saltmarsh Hotel?', null),
  q('none', undefined, 'What is the maximum download speed of the Velox Hub 6?', null),
  q('none', undefined, 'Does Haverford Library have a café?', null),
  q('none', undefined, 'Does Greenleaf Pharmacy give flu jabs?', null),
  q('none', undefined, 'Are there showers at The Loom?', null),
  q('none', undefined, 'What is the prize money for winning the Tidewater Marathon?', null),
  q('none', undefined, 'Who chairs the Ashgrove PTA?', null),
  q('none', undefined, 'What is the tallest mountain in Africa?', null),
  q('none', undefined, 'How many players are on a rugby union team?', null),
  q('none', undefined, 'Hi, my SSN is 078-05-1120 and my booking ref is SMH-55120.\nHow much is an upgrade to a sea-view room at the Saltmarsh?', null),
];
