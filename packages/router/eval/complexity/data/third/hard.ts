import type { DomainPrompts } from '../../types';

// Batch 3: cases that sit against the obvious cues (short but hard, long but easy, expert words in
// an ordinary ask, vague or non-native phrasing), written from the rubric before any change to the
// estimator it would test. Keyed by domain.
export const hard: Record<string, DomainPrompts> = {
  code: {
    simple: [
      "what's the difference between git pull and git fetch, one sentence",
      "Here is my whole config file, just tell me which line sets the port:\n\n```yaml\nserver:\n  host: 0.0.0.0\n  port: 8080\n  timeout: 30s\ndatabase:\n  url: postgres://localhost/app\n  pool: 10\nlogging:\n  level: info\n  format: json\n```",
      'npm or yarn, which one should I use?',
      'does python have a switch statement',
      'Replace every tab with four spaces in this code, nothing else:\n\n```go\nfunc main() {\n\tfor i := 0; i < 10; i++ {\n\t\tif i%2 == 0 {\n\t\t\tfmt.Println(i)\n\t\t}\n\t}\n}\n```',
    ],
    moderate: [
      'Implement quicksort.',
      'Write a REST API in Flask with CRUD endpoints for todos.',
      "Why does this print None?\n\n```python\ndef add(a, b):\n    result = a + b\n\nprint(add(2, 3))\n```",
      'Explain Big-O notation.',
      "Port this Python 2 script to Python 3:\n\n```python\nprint 'hello'\nd = {'a': 1}\nfor k, v in d.iteritems():\n    print k, v\nname = raw_input('name? ')\n```",
      "What's a monad? keep it short",
      'pls make me a simple snake game in html and js',
    ],
    complex: [
      'Implement Paxos.',
      'Write a JIT compiler for a small stack-based bytecode.',
      'Our distributed lock sometimes lets two workers in at once. We use Redis SET NX with a 10 s TTL; workers do up to 30 s of work and we see long GC pauses. Find every way this breaks and fix it properly.',
      'Write a regex engine supporting *, +, ?, |, groups and backreferences, and explain why backreferences make matching NP-hard.',
      'How would you build Google Docs?',
      'Write a minimal TCP congestion control algorithm in a network simulator and compare it with Reno and CUBIC under lossy links.',
    ],
  },
  math: {
    simple: ['2+2', "what's 1/3 as a percentage", 'how many minutes are in a week', 'What is the integral of 1/x?'],
    moderate: [
      'Solve x^2 - 5x + 6 = 0.',
      'Explain the Pythagorean theorem with an example.',
      'How many ways can 5 people sit in a row? explain',
      'What is a p-value, really?',
    ],
    complex: [
      'Is P equal to NP? Explain why it is so hard to settle.',
      "Prove Wilson's theorem.",
      'Why does 0.999... equal 1? Give a rigorous argument from the definition of real numbers.',
      'Derive the variance of a binomial distribution.',
    ],
  },
  writing: {
    simple: [
      'fix grammar: me and him goes to school every days',
      "Another word for 'very big'?",
      'Make all of this lowercase:\n\nTHE ANNUAL GENERAL MEETING WILL TAKE PLACE ON THURSDAY 12 MARCH AT 7 PM IN THE COMMUNITY HALL. ALL MEMBERS ARE WELCOME. PLEASE BRING YOUR MEMBERSHIP CARD AND ARRIVE TEN MINUTES EARLY SO WE CAN START ON TIME. REFRESHMENTS WILL BE SERVED AFTERWARDS.',
    ],
    moderate: [
      'Write a poem about my dog.',
      'Write a cover letter for a barista job.',
      'Write a eulogy for my grandfather, who was a fisherman, about 500 words.',
      'Rewrite this in a friendlier tone: "Your request has been denied. Do not contact us again about this matter."',
    ],
    complex: [
      "Outline a novel with three interleaved timelines that converge in the last chapter, giving each chapter's purpose in the structure and what the reader knows at that point.",
      'Write a Shakespearean sonnet whose lines are also an acrostic spelling OPPORTUNITY, without padding words to fit.',
    ],
  },
  analysis: {
    simple: ['Is the stock market open today?', 'Who won the 2020 US presidential election?'],
    moderate: [
      "What's the outlook for electric cars?",
      'Should I learn Rust or Go first? I mostly write web backends.',
      "Why is the US dollar the world's reserve currency?",
    ],
    complex: [
      "Is the Fed's current policy too tight? Make the case both ways with data and say what would change your mind.",
      'Analyse why the Boeing 737 MAX crashes happened, technically and organisationally.',
    ],
  },
  planning: {
    simple: ['Picnic on Saturday or Sunday, which is better if Sunday might rain?', 'how long do I boil an egg'],
    moderate: ['Plan the timeline of my wedding day; the ceremony is at 2pm.', 'help me plan my week, I have too much to do and keep procrastinating'],
    complex: ['Plan a year-long Antarctic expedition for a research team of eight: logistics, permits, equipment, safety protocols and contingencies.'],
  },
  lookup: {
    simple: ['Who discovered insulin?', "What's the population of Brazil?"],
    moderate: ['What was the Marshall Plan?', 'Explain the Cold War in a paragraph.'],
    complex: ["What are the strongest arguments on each side of the Shakespeare authorship debate, and how do scholars weigh the evidence?"],
  },
  chitchat: {
    simple: ['lol', 'k', "what's your favourite food", 'good job!'],
    moderate: ["Tell me something interesting about space that most people don't know, and why it matters."],
    complex: ['Role-play a negotiation between a union and management over a factory closure: play both sides, keep their interests consistent across rounds, then analyse where a deal was possible and why it was missed.'],
  },
  multipart: {
    simple: ["What's the capital of Spain? And of Portugal?"],
    moderate: ['What is a VPN, do I need one, and which free ones are safe?'],
    complex: ['1. Design the database schema for a hotel booking site. 2. Write the SQL that finds double bookings. 3. Explain how to prevent them under concurrent requests. 4. Propose indexes for the top three queries. 5. Plan the migration from our current single-table design.'],
  },
  summarisation: {
    simple: ['How many people are named in this paragraph?\n\nAt the meeting, Priya presented the budget, Tom raised concerns about hiring, and Lena agreed to follow up with finance. Marco took notes and Aisha closed the meeting at four.'],
    moderate: ['Summarise this in three bullet points:\n\nThe city council voted on Tuesday to extend the bike lane network by 40 km over the next three years. The plan, which costs an estimated 12 million euros, prioritises routes to schools and the central station. Opponents argued that the money should go to road repairs, while cycling groups said the plan did not go far enough. Construction of the first section starts in spring.'],
    complex: ['Compare these two drafts of our data retention policy clause by clause and tell me what changed in substance, not wording, and which changes create legal risk:\n\nDraft A: Customer records are kept for seven years after the end of the contract and then deleted. Backups are deleted within 90 days. Requests for deletion are answered within 30 days.\n\nDraft B: Customer records are kept for as long as necessary for business purposes and for at least seven years after the end of the contract. Backups are rotated regularly. Deletion requests are handled without undue delay, subject to legal holds.'],
  },
  data: {
    simple: ['Average of these: 10, 20, 30'],
    moderate: ['Write an Excel formula that looks up the price of a product in another sheet.', 'How do I make a pivot table?'],
    complex: ["Our A/B tests keep showing significant wins that vanish after launch. Diagnose why (peeking, novelty effects, multiple comparisons, Simpson's paradox) and redesign our experimentation process."],
  },
  science: {
    simple: ['What is the atomic number of oxygen?', 'Are viruses alive? yes or no'],
    moderate: ['How do stars form?', 'What is entropy, simply?'],
    complex: ['Explain the measurement problem in quantum mechanics and compare how the Copenhagen, many-worlds and Bohmian interpretations answer it.'],
  },
  advice: {
    simple: ['Can dogs eat grapes?', 'Is tap water safe to drink in Portugal?'],
    moderate: ['How do I get rid of a cough that has lasted two weeks?', 'What should I look for when buying a used car?'],
    complex: ["I'm a UK resident who inherited a US rental property. Walk me through the tax implications in both countries, the treaty, my reporting obligations, and whether to sell or keep it."],
  },
  business: {
    simple: ['What does EBITDA stand for?'],
    moderate: ['How can I reduce customer churn at my gym?'],
    complex: ['We must cut 20% of costs in a 500-person company within a year without layoffs in engineering. Lay out the options, quantify them, and sequence them.'],
  },
  devops: {
    simple: ["what's the command to see my IP address on a mac"],
    moderate: ['How do I set up SSH key authentication to a server?'],
    complex: ["Our Postgres primary failed over and we lost 3 minutes of writes even though synchronous replication was 'on'. Explain how that is possible and redesign our HA setup."],
  },
  education: {
    simple: ['how do you spell february'],
    moderate: ['Help me understand derivatives for my calculus exam tomorrow.'],
    complex: ['Design a two-year supervision plan for 40 IB extended essays: milestones, research-skills teaching, feedback cycles and assessment moderation.'],
  },
};
