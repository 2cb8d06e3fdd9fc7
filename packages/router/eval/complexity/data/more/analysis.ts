import type { DomainPrompts } from '../../types';

// Second batch, written from the rubric before any change to the estimator it would test.
export const analysis: DomainPrompts = {
  simple: [
    'Which is bigger, the GDP of Germany or of France?',
    'Was the Roman Empire bigger than the Mongol Empire?',
    'What does YoY mean?',
    'Did inflation in the US go up or down in 2023?',
    "What does 'correlation doesn't imply causation' mean, in one sentence?",
    'Which had more users in 2020, Facebook or Instagram?',
    'is a P/E ratio of 15 high or low?',
    'What is the unemployment rate in Spain roughly?',
  ],
  moderate: [
    'What are the pros and cons of renting vs buying a house for someone who might move in 3 years?',
    'Summarize the main causes of the 2008 financial crisis.',
    'Why did Kodak fail to make the switch to digital photography?',
    'Explain what a SWOT analysis is and do a quick one for a neighbourhood coffee shop.',
    'Our newsletter open rate dropped from 32% to 24% after we changed the sender name. What could explain it and what should we check?',
    'Compare iPhone and Android for an elderly parent who mainly video calls and takes photos.',
    'What are the main arguments for and against a universal basic income?',
    'Explica las diferencias principales entre la inflación de demanda y la de costos.',
    'why are house prices so high in big cities? short explanation',
    'Is it better for a small team to use Slack or Microsoft Teams? Give the main points.',
  ],
  complex: [
    'Assess whether the minimum wage increase in Seattle reduced employment, comparing the University of Washington and Berkeley studies, their data, identification strategies and why they reached different conclusions.',
    'We ran an A/B test on checkout: variant B increased conversion 4% but refunds also rose and the test overlapped Black Friday. Analyse whether we can trust the result, what confounders exist, and design a follow-up experiment that isolates the effect.',
    'Compare Raft, Multi-Paxos and Viewstamped Replication on leader election, log repair after failover, reconfiguration and read linearizability, and explain which failure scenarios each handles worst.',
    'Evaluate the evidence on whether social media use causes depression in teenagers: distinguish correlational, longitudinal and experimental studies, discuss reverse causality and effect sizes, and say what policy conclusions are justified.',
    'Analyse the strategic position of a mid-size European steelmaker facing carbon border taxes, cheap imports and the shift to green hydrogen: scenarios over ten years, capital choices, and what would make each scenario more likely.',
    'Here are our last 8 quarters of revenue, churn and CAC by channel. Decompose the slowdown in growth into its drivers, test whether the paid channel\'s CAC rise is seasonal or structural, and recommend a budget reallocation with the assumptions stated.\n\nQ1: rev 1.2M, churn 3.1%, CAC paid 410, organic 120\nQ2: rev 1.35M, churn 3.0%, CAC paid 430, organic 115\nQ3: rev 1.47M, churn 3.4%, CAC paid 480, organic 125\nQ4: rev 1.61M, churn 3.3%, CAC paid 520, organic 118\nQ5: rev 1.70M, churn 3.8%, CAC paid 560, organic 130\nQ6: rev 1.76M, churn 4.0%, CAC paid 610, organic 128\nQ7: rev 1.80M, churn 4.2%, CAC paid 650, organic 135\nQ8: rev 1.83M, churn 4.5%, CAC paid 700, organic 140',
    'Why did the Soviet Union collapse? Weigh economic, nationalist, ideological and leadership explanations against each other using the historiographical debate, and argue for the one you find most convincing.',
    '比较中国和印度过去三十年的经济发展模式，分析制度、人口结构和产业政策的作用，并判断哪种模式更可持续。',
    'Is nuclear power or renewables plus storage the cheaper path to a zero-carbon grid for a country like Poland? Build the argument with system costs, not just LCOE, and show which assumptions flip the answer.',
    'What explains the productivity slowdown in rich countries since 2005? Weigh mismeasurement, diffusion failure, declining business dynamism and secular stagnation, with the evidence for and against each.',
  ],
};
