// Word lists behind the complexity features. Each list names one kind of cue a reader would use to
// judge how much work a request needs. Entries are lower-case words or phrases of up to three
// words; single words also match their common inflections (design -> designs, designed, designing).
// Lists are written from general knowledge of each field, not from the evaluation prompts.

/** The request asks for a proof, a derivation or a formal argument. */
export const PROOF = [
  'prove', 'proof', 'proofs', 'derive', 'derivation', 'rigorous', 'rigorously',
  'formally', 'formal proof', 'by induction', 'show that', 'if and only if', 'iff', 'invariant', 'invariants',
  'contradiction', 'counterexample', 'axiom', 'axioms', 'q.e.d', 'necessary and sufficient', 'well-defined',
  'converges', 'convergence', 'bound', 'upper bound', 'lower bound', 'closed form', 'asymptotic', 'asymptotically',
  'undecidable', 'np-hard', 'np-complete', 'reduction', 'optimality', 'correctness',
];

/** The request asks to design or architect something. */
export const DESIGN = [
  'design', 'architect', 'architecture', 'architectures', 'blueprint', 'system design', 'end-to-end', 'framework',
  'data model', 'schema', 'topology', 'protocol', 'pipeline', 'infrastructure', 'platform', 'engineer',
  'reference architecture', 'workflow', 'netcode',
];

/** The request asks for an analysis, evaluation or comparison. */
export const ANALYSIS = [
  'analyze', 'analyse', 'analysis', 'evaluate', 'evaluation', 'assess', 'assessment', 'critique', 'critically',
  'compare', 'comparison', 'contrast', 'trade-off', 'trade-offs', 'tradeoff', 'tradeoffs', 'weigh', 'versus', 'vs',
  'implications', 'root cause', 'root-cause', 'diagnose', 'audit', 'investigate', 'reconcile', 'synthesize',
  'synthesise', 'synthesis', 'justify', 'steelman', 'rebut', 'interpret', 'scrutinize', 'scrutinise', 'disentangle',
  'quantify', 'estimate the', 'forecast', 'model', 'simulate', 'sensitivity analysis',
  
];

/** The request asks for a plan over time. */
export const PLANNING = [
  'plan', 'roadmap', 'strategy', 'timeline', 'phase', 'phases', 'phased', 'milestone', 'milestones', 'rollout',
  'roll out', 'migrate', 'migration', 'cutover', 'wave', 'waves', 'runbook', 'runbooks', 'sequence', 'sequencing',
  'workstream', 'workstreams', 'contingency', 'risk register', 'go-to-market', 'turnaround', 'transition',
  'curriculum', 'periodisation', 'periodization', 'quarter by quarter', 'month by month', 'week by week',
];

/** The request asks for an explanation or description of how or why. */
export const EXPLAIN = [
  'explain', 'describe', 'how does', 'how do the', 'why', 'why does', 'why do', 'why is', 'why are', 'what causes',
  'what happens', 'walk me through', 'tell me about', 'difference between', 'the difference', 'differ', 'outline',
  'intuitively', 'in simple terms', 'overview', 'how come', 'what makes', 'how it works', 'works',
];

/** A practical how-to question: short ones are lookups, long ones are tasks. */
export const HOW_TO = [
  'how do i', 'how to', 'how can i', 'how would i', 'how should i', 'how do you', 'how can you', 'what command',
  "what's the command", 'shortcut', 'keyboard shortcut', "what's the formula", 'which command', 'what flag',
  'is there a way', 'can i', 'where do i', 'where can i',
];

/** An open-ended question that calls for several points or a judgement rather than one fact. */
export const OPEN_ENDED = [
  'pros and cons', 'pros', 'cons', 'arguments', 'arguments for', 'causes', 'reasons', 'ways', 'tips', 'ideas',
  'advice', 'some', 'main', 'suggestions', 'recommend', 'recommendations', 'suggest', 'options', 'should i',
  'worth', 'better', 'best way', 'what would you', 'any tips', 'how should', 'how can', 'what should',
  'alternatives', 'differences', 'benefits', 'risks', 'mistakes', 'strategies', 'advantages', 'disadvantages',
  'drawbacks', 'downsides', 'upsides', 'good way', 'a good way', 'good idea', 'worth it', 'is it worth', 'which is better',
  'what do you think', 'opinion', 'thoughts on', 'how to deal', 'how to handle', 'tips for',
];

/** The request asks to weigh evidence, research or scholarship. */
export const RESEARCH = [
  'evidence', 'literature', 'studies', 'study', 'research', 'hypothesis', 'hypotheses', 'consensus', 'debate',
  'debates', 'critique', 'critiques', 'methodological', 'methodology', 'empirical', 'scholarship', 'historians',
  'economists', 'interpretations', 'theories', 'schools of thought', 'meta-analysis', 'peer-reviewed', 'sources',
  'citations', 'cite', 'state of the art', 'open question', 'open problems', 'contested', 'controversy',
  'scholars', 'scholarly', 'academic', 'historiography', 'archaeological', 'what is known', 'how strong is the case',
  'competing explanations', 'the record', 'data show', 'studies show',
];

/** The request is a lookup: a fact, a definition, a number. */
export const LOOKUP = [
  'what is', "what's", 'whats', 'what are', 'who is', 'who was', 'who wrote', 'who painted', 'who invented',
  'who discovered', 'who won', 'when did', 'when was', 'when is', 'where is', 'where was', 'which', 'define',
  'definition', 'meaning of', 'stand for', 'capital of', 'how many', 'how much', 'how tall', 'how far', 'how long',
  'how old', 'what year', 'what time', 'is it', 'is there', 'what does', 'symbol for', 'population of',
  'name the', 'spell',
];

/** The request is a mechanical edit or conversion of text it supplies. */
export const TRANSFORM = [
  'fix the typos', 'typo', 'typos', 'spelling', 'misspelled', 'proofread', 'grammar', 'punctuation', 'capitalize',
  'capitalise', 'lowercase', 'uppercase', 'all caps', 'indent', 'indentation', 'reformat', 'format', 'sort',
  'alphabetical', 'alphabetically', 'rename', 'convert', 'translate', 'traduis', 'traduce', 'übersetze',
  'replace', 'duplicates', 'dedupe', 'extract', 'round', 'shorten',
  'count', 'tl;dr', 'tldr', 'synonym', 'synonyms',
  
  'how do you say', 'how do i say', 'wie sagt man', 'cómo se dice', 'como se dice', 'tense', 'put this in',
  'words that mean', 'word for', 'title', 'caption', 'one-word', 'one word', 'make this', 'change this',
  'rewrite this in', 'spell out', 'abbreviate', 'abbreviation', 'acronym', 'transcribe', 'fill in', 
];

/** Small talk and social niceties. */
export const SOCIAL = [
  'hi', 'hello', 'hey', 'hiya', 'yo', 'thanks', 'thank', 'thx', 'ty', 'cheers', 'lol', 'lmao', 'haha', 'bye',
  'goodbye', 'good morning', 'good night', 'good evening', 'brb', 'ok', 'okay', 'cool', 'nice', 'awesome', 'great',
  'joke', 'fun fact', 'how are you', "what's up", 'whats up', 'bored', 'cheer me up', 'you there', 'are you',
  'your name', 'happy friday',
];

/** The request asks for ordinary written content. */
export const WRITING = [
  'email', 'letter', 'poem', 'haiku', 'limerick', 'story', 'toast', 'speech', 'post', 'blog', 'cover letter',
  'description', 'note', 'message', 'tweet', 'announcement', 'bio', 'essay', 'paragraph', 'recipe', 'names',
  'apology', 'invitation', 'reply', 'review', 'summary', 'summarize', 'summarise', 'recap',
  'bullet points', 'bullets', 'gist', 'list', 'table', 'function', 'script', 'query', 'snippet', 'regex',
  'dockerfile', 'test', 'tests', 'formula', 'example', 'examples',
];

/** The request asks for depth or completeness. */
export const DEPTH = [
  'in depth', 'in-depth', 'detailed', 'thorough', 'thoroughly', 'comprehensive', 'complete', 'exhaustive',
  'step by step', 'step-by-step', 'every', 'each', 'all', 'entire', 'full', 'fully', 'production', 'production-ready',
  'precisely', 'exactly', 'rigor', 'nuanced', 'systematically', 'holistic', 'at scale', 'end to end',
];

/** The request asks for a short answer. */
export const BREVITY = [
  'briefly', 'brief', 'quick', 'quickly', 'short', 'shortly', 'one sentence', 'one line', 'one-line', 'one word',
  'one-word', 'few words', 'a paragraph', 'in a paragraph', 'simple terms', 'just', 'only', 'eli5', 'in a nutshell',
  'tl;dr', 'one line answer', 'yes or no', 'two sentences', 'a sentence', 'gist', 'roughly', 'quick one',
];

/** The request sets constraints the answer must satisfy. */
export const CONSTRAINTS = [
  'must', 'must not', 'without', 'at most', 'at least', 'no more than', 'no less than', 'within',
  'ensure', 'guarantee', 'guarantees', 'never', 'zero downtime', 'zero-downtime', 'no downtime', 'budget', 'limit',
  'compliant', 'compliance', 'constraint', 'constraints', 'requirement', 'requirements', 'so that',
  'preserve', 'preserving', 'preserved', 'consistent', 'backwards compatible', 'backward compatible',
  'deadline', 'cap', 'only if', 'unless', 'regardless', 'even when', 'even if', 'without breaking',
];

/**
 * Specialised terms: naming one suggests expert depth. Spread across computing, mathematics,
 * statistics, the sciences, medicine, law, finance, business, security and the humanities.
 */
export const SPECIALISED = [
  // distributed systems, databases, concurrency
  'lock-free', 'wait-free', 'atomic', 'atomics', 'memory ordering', 'memory orderings', 'memory model',
  'compare-and-swap', 'cas', 'linearizable', 'linearizability', 'serializable', 'serializability',
  'consensus', 'raft', 'paxos', 'byzantine', 'quorum', 'quorums', 'partition', 'partitions',
  'partitioning', 'replication', 'replica', 'replicas', 'sharding', 'shard', 'shards', 'crdt', 'crdts', 'mvcc',
  'snapshot isolation', 'isolation level', 'two-phase commit', '2pc', 'saga', 'sagas',
  'event sourcing', 'cqrs', 'change-data-capture', 'cdc', 'exactly-once', 'at-least-once', 'idempotent',
  'eventual consistency', 'strong consistency', 'consistency model', 'consistency models', 'vector clock',
  'vector clocks', 'leader election', 'log replication', 'gossip',
  'split brain', 'split-brain', 'failover', 'fencing', 'backpressure', 'watermark', 'watermarks', 'windowing',
  'checkpoint', 'concurrency', 'concurrent', 'concurrently', 'race condition', 'data race', 'deadlock',
  'livelock', 'mutex', 'semaphore', 'thread-safe', 'contention', 'numa', 'cache coherence', 'false sharing',
  'garbage collector', 'garbage collection', 'compiler', 'parser',
  'type checker', 'type inference', 'type-level', 'borrow checker', 'lifetimes', 'jit', 'bytecode',
  'interpreter', 'kernel', 'syscall', 'scheduler', 'b-tree', 'lsm', 'write-ahead log', 'wal', 'b+tree',
  'microservices', 'monolith', 'distributed', 'multi-region', 'active-active', 'horizontally', 'scalability',
  'throughput', 'p99', 'latency', 'sla', 'slo', 'rpo', 'rto', 'disaster recovery', 'high availability',
  'load balancing', 'service mesh', 'kubernetes', 'terraform', 'zero-trust', 'oauth', 'sso', 'mfa', 'ldap',
  'memory leak', 'profiling',
  'flame graph', 'bloom filter', 'consistent hashing', 'dynamo', 'spanner', 'cockroachdb', 'cassandra',
  'flink', 'kafka', 'spark', 'data warehouse', 
  'sandbox', 
  'authoritative',
  // mathematics
  'eigenvalue', 'eigenvalues', 'eigenvector', 'eigenvectors', 'invertible', 'determinant', 'orthogonal',
  'inner product', 'hilbert', 'banach', 'manifold', 'topology', 'homeomorphic', 'isomorphism',
  'homomorphism', 'group theory', 'ring', 'field extension', 'galois', 
  'primes', 'diophantine', 'modular', 'generating function', 'generating functions', 'recurrence',
  'bijection', 'combinatorial', 'pigeonhole', 'bipartite', 'graph coloring', 'planar', 
  'supremum', 'infimum', 'cauchy', 'cauchy-schwarz', 'compactness', 
  'uniformly', 'lebesgue', 'measure theory', 'fourier', 'laplace', 'differential equation', 'pde', 'ode',
  'lagrange', 'lagrangian', 'hessian', 'jacobian', 'convex', 'convexity',
  'least-squares', 'least squares', 'halting problem', 'turing', 'diagonal argument', 
  'martingale', 'markov', 'stochastic', 'brownian', 'black-scholes', 'ito', 
  // statistics and data science
  'bayesian', 'hierarchical', 'posterior', 'prior', 'priors', 'shrinkage', 'likelihood', 'mle', 'regression',
  'heteroscedasticity', 'multicollinearity', 'causal', 'causal effect', 'confounder', 'confounders',
  'confounding', 'propensity', 'instrumental variable', 'difference-in-differences', 'regression discontinuity',
  'synthetic control', 'selection bias', 'endogeneity', 'power calculation', 'power analysis',
  'sample size', 'false discovery', 'multiple comparisons', 'sequential testing', 
  'backtesting', 'cross-validation', 'overfitting', 'seasonality', 
  'concept drift', 'class imbalance', 'anomaly detection', 'survival analysis',
  'mixed-methods', 'meta-analysis', 'meta-analyses', 'external validity', 'internal validity', 'pre-registration',
  'replication crisis', 'cohort', 
  // physical and life sciences, medicine
  'general relativity', 'schwarzschild', 'singularity', 'maxwell', 'quantum', 'qcd', 'lattice',
  'hamiltonian', 'thermodynamics', 'entropy production', 
  'molecular orbital', 'regiochemistry', 'stereochemistry', 
  'kinetics', 'mechanism', 'sir model', 'epidemiological', 'randomisation', 'randomization',
  'blinding', 'double-blind', 'placebo', 'endpoints', 'primary endpoint', 'clinical trial',
  'pharmacokinetics', 'contraindications', 'comorbidities', 
  'pathophysiology', 'differential diagnosis', 
  'pid', 'control theory', 'transfer function', 'stability analysis', 
  // law, finance, economics, business
  'indemnify', 'indemnification', 'liability', 'jurisdiction', 'jurisdictions', 'statute', 'precedent', 'doctrine',
  'fair use', 'case law', 'tort', 'clause', 'clauses', 'gdpr', 'hipaa', 'soc 2', 'pci', 'mdr',
  'regulatory', 'regulators', 'securitization', 'leverage', 'repo', 'derivatives', 'hedging', 'delta-hedging',
  'valuation', 'discounted cash flow', 'dcf', 'unit economics', 'payback period', 'cac', 'ltv', 'runway', 'arr',
  'total cost of ownership', 'tco', 'p&l', 'ebitda', 'stagflation', 'monetarist', 'keynesian', 
  'industrial policy', 'minimum wage', 'elasticity', 'general equilibrium', 'game theory',
  'nash equilibrium', 'mechanism design', 'acquisition', 'due diligence', 'addressable market', 'positioning',
  'personas', 
  // security
  'threat model', 'stride', 'attack surface', 'trust boundaries', 'privilege escalation', 'side-channel',
  'cryptographic', 'zero-knowledge', 'key rotation', 'supply chain',
  // computing, broader
  'cache invalidation', 'memory safety', 'unsafe', 'ffi', 'simd', 'vectorization', 'vectorized', 'gpu', 'cuda',
  'autodiff', 'backpropagation', 'transformer', 'attention mechanism', 'fine-tuning', 'rlhf', 'reinforcement learning',
  'policy gradient', 'q-learning', 'vector database', 'retrieval-augmented', 'zero-copy', 'io_uring', 'epoll',
  'event loop', 'coroutines', 'actor model', 'formal verification', 'tla+', 'model checking', 'coq',
  'dependent types', 'monad', 'monads', 'functor', 'category theory', 'lambda calculus', 'type system',
  'soundness', 'ssa', 'register allocation', 'llvm', 'linker', 'reverse engineering', 'exploit', 'buffer overflow',
  'fuzzing', 'homomorphic', 'elliptic curve', 'post-quantum', 'differential privacy', 'federated learning',
  'k-anonymity', 'rate limiter', 'cap theorem', 'consistent reads', 'stale reads', 'read replicas',
  'multi-tenant', 'multi-tenancy', 'tenant isolation', 'schema evolution', 'backfill', 'dual-write', 'blue-green',
  'canary', 'feature flags', 'observability', 'distributed tracing', 'chaos engineering', 'capacity planning',
  // mathematics, broader
  'irrational', 'infinitely many', 'bounded', 'random walk', 'riemann', 'zeta', 'number theory', 'abstract algebra',
  'spectral', 'svd', 'duality', 'kkt', 'gradient descent', 'measure', 'sigma-algebra', 'integrable',
  'differentiable', 'epsilon-delta', 'limit superior', 'series converges', 'power series', 'taylor series',
  'complex analysis', 'residue', 'contour integral', 'vector space', 'linear map', 'kernel and image',
  'characteristic polynomial', 'diagonalizable', 'recurrence relation', 'big-o', 'amortized', 'dynamic programming',
  'np', 'polynomial time', 'approximation algorithm',
  // sciences, broader
  'special relativity', 'lorentz', 'schrodinger', 'schrödinger', 'perturbation theory', 'statistical mechanics',
  'partition function', 'navier-stokes', 'turbulence', 'fluid dynamics', 'finite element', 'boundary conditions',
  'signaling pathway', 'gene expression', 'epigenetic', 'phylogenetic', 'genome-wide', 'gwas',
  'randomized controlled', 'systematic review', 'contraindicated', 'drug interactions', 'dosing', 'renal',
  'wave equation', 'rayleigh scattering', 'thermodynamic', 'quantum field', 'orbital', 'catalysis',
  'enantiomer', 'spectroscopy', 'epidemiology', 'incidence', 'prevalence', 'biostatistics',
  // law, finance and business, broader
  'antitrust', 'constitutional', 'first amendment', 'contract law', 'intellectual property', 'patent', 'patents',
  'copyrighted', 'arbitration', 'litigation', 'force majeure', 'warranty', 'warranties', 'tax treaty',
  'transfer pricing', 'estate planning', 'portfolio optimization', 'capm', 'value at risk', 'credit default',
  'options pricing', 'volatility', 'yield curve', 'monetary policy', 'fiscal policy', 'balance sheet', 'wacc',
  'lbo', 'cap table', 'dilution', 'term sheet', 'market sizing', 'tam', 'pricing strategy', 'churn',
  'retention', 'cohort analysis', 'okrs', 'stagflation', 'keynesian', 'monetarist', 'inflation targeting',
  // philosophy
  'ontology', 'metaethics', 'utilitarianism', 'deontology', 'consequentialism', 'phenomenology', 'dialectic',
  'socratic', 'moral realism', 'compatibilism', 'rhyme scheme', 'meter', 'iambic',
  // statistics and experiments, broader
  'statistical significance', 'significance', 'significant', 'confidence interval', 'standard error', 'bias',
  'biased', 'unbiased', 'variance', 'covariance', 'estimator', 'estimators', 'a/b', 'a b test', 'treatment group',
  'control group', 'randomised', 'randomized', 'counterfactual', 'identification', 'heterogeneous', 'interaction effect',
  'simpson', 'regression to the mean', 'survivorship', 'collider', 'instrument', 'panel data', 'fixed effects',
  'random effects', 'mixed model', 'time series', 'autocorrelation', 'stationarity', 'arima', 'forecasting',
  'monte carlo', 'bootstrap', 'bootstrapping', 'permutation test', 'hypothesis test', 'type i error', 'type ii error',
  'false positive rate', 'precision and recall', 'roc', 'auc', 'calibration', 'imputation', 'missing data',
  // programming languages, compilers, formal methods
  'datalog', 'prolog', 'haskell', 'ocaml', 'lisp', 'semantics', 'operational semantics', 'denotational',
  'type theory', 'unification', 'parser generator', 'grammar', 'lexer', 'tokenizer', 'ast', 'abstract syntax tree',
  'code generation', 'intermediate representation', 'optimizer', 'query planner', 'query optimizer', 'vm',
  'virtual machine', 'garbage-collected', 'reference counting', 'ownership', 'generics', 'higher-kinded',
  'macro system', 'metaprogramming', 'reflection', 'stratified', 'fixpoint', 'fixed point', 'termination',
  'decidable', 'satisfiability', 'sat solver', 'smt', 'theorem prover', 'proof assistant', 'hoare logic',
  // systems, infrastructure, performance
  'datacenter', 'data center', 'colo', 'colos', 'colocation', 'bare metal', 'hypervisor', 'virtualization',
  'cgroups', 'namespaces', 'containers', 'orchestration', 'autoscaling', 'tail latency', 'p95', 'p999',
  'benchmarking', 'regression testing', 'build cache', 'incremental builds', 'monorepo', 'flaky tests',
  'parallelism', 'sharded', 'hot path', 'lock contention', 'cache miss', 'branch prediction', 'memory allocator',
  'fencing tokens', 'lease', 'leases', 'distributed lock', 'clock skew', 'idempotency keys', 'outbox',
  'message queue', 'dead letter', 'ordering guarantees', 'at-most-once', 'consumer groups', 'compaction',
  'tombstones', 'merkle tree', 'erasure coding', 'raid', 'replication lag', 'failover', 'geo-distributed',
  'edge computing', 'cdn', 'anycast', 'bgp', 'tcp congestion', 'quic', 'tls handshake', 'certificate pinning',
  'pkce', 'oauth 2', 'openid connect', 'jwt', 'session fixation', 'csrf', 'xss', 'sql injection', 'ssrf',
  'sandboxing', 'seccomp', 'capabilities', 'webassembly', 'ebpf', 'kernel bypass', 'rdma', 'dpdk',
  // machine learning
  'neural network', 'backpropagation', 'gradient', 'gradients', 'loss function', 'cross-entropy', 'softmax',
  'regularization', 'dropout', 'batch normalization', 'embedding', 'embeddings', 'fine-tune', 'feature store',
  'point-in-time', 'feature engineering', 'hyperparameter', 'hyperparameters', 'training pipeline', 'inference',
  'serving', 'model drift', 'data drift', 'explainability', 'shap', 'interpretability', 'fairness', 'adversarial',
  'diffusion', 'variational', 'autoencoder', 'gan', 'reinforcement', 'bandit', 'bandits', 'thompson sampling',
  'scaling laws', 'tokenization', 'quantization', 'distillation', 'mixture of experts', 'retrieval',
  // mathematics, broader still
  'uncountable', 'countable', 'cardinality', 'pumping lemma', 'regular language', 'context-free', 'automaton',
  'automata', 'turing machine', 'computability', 'complexity class', 'reduction from', 'combinatorics',
  'probability space', 'expected value', 'variance of', 'moment generating', 'central limit theorem',
  'law of large numbers', 'conditional expectation', 'stopping time', 'generating', 'recurrences',
  'asymptotics', 'group', 'groups', 'abelian', 'subgroup', 'order p', 'field theory', 'polynomial ring', 'ideal',
  'modules', 'tensor', 'tensors', 'differential geometry', 'curvature', 'geodesic', 'metric space', 'open set',
  'closed set', 'compact', 'connected', 'fixed-point theorem', 'ergodic', 'chaos', 'bifurcation', 'lyapunov',
  'optimization problem', 'linear programming', 'integer programming', 'simplex method', 'dual problem',
  'normal equations', 'ridge', 'lasso', 'pseudoinverse', 'orthogonal projection', 'gram-schmidt', 'qr decomposition',
  // physics, chemistry, biology, medicine, broader
  'boltzmann', 'microcanonical', 'canonical ensemble', 'partition', 'ensemble', 'inertial frames', 'time dilation',
  'length contraction', 'spacetime', 'relativistic', 'quantum mechanics', 'wavefunction', 'uncertainty principle',
  'entanglement', 'decoherence', 'path integral', 'gauge', 'standard model', 'higgs', 'quark', 'quarks',
  'binding energy', 'chiral symmetry', 'nucleosynthesis', 'dark matter', 'cosmological', 'redshift', 'inflationary',
  'superconductivity', 'band gap', 'semiconductor physics', 'phonon', 'photon', 'optics', 'interference',
  'reaction mechanism', 'transition state', 'activation energy', 'equilibrium constant', 'gibbs', 'enthalpy',
  'nucleophilic', 'electrophilic', 'stereoselective', 'chirality', 'retrosynthesis', 'protein folding', 'enzyme kinetics',
  'michaelis-menten', 'crispr', 'gene regulation', 'transcription factor', 'signal transduction', 'immunology',
  'pharmacodynamics', 'half-life', 'clinical guidelines', 'comorbidity', 'renal function', 'cardiovascular',
  'randomised controlled trial', 'cohort study', 'case-control', 'confidence', 'mortality', 'morbidity',
  'trial design', 'non-inferiority', 'intention-to-treat', 'per-protocol', 'endpoint', 'adverse events',
  // law, policy, finance, economics, business, broader
  'contract', 'contracts', 'liabilities', 'indemnity', 'breach', 'damages', 'consequential damages', 'enforceable',
  'unenforceable', 'governing law', 'consumer protection', 'regulation', 'regulations', 'legislation', 'legislative',
  'supreme court', 'ruling', 'appeal', 'statutory', 'compliance program', 'audit trail', 'data residency',
  'licensing', 'license agreement', 'open source license', 'fiduciary', 'securities', 'sec filing', 'prospectus',
  'annual report', 'financial statements', 'notes to the financial statements', 'accounting', 'gaap', 'ifrs',
  'revenue recognition', 'amortization', 'depreciation', 'impairment', 'goodwill', 'working capital', 'cash flow',
  'free cash flow', 'capex', 'opex', 'margin', 'margins', 'gross margin', 'profitability', 'break-even',
  'sensitivity', 'scenario analysis', 'series a', 'series b', 'seed round', 'valuation cap', 'liquidation preference',
  'investors', 'board', 'fundraising', 'pricing model', 'pricing models', 'monetization', 'market entry',
  'competitive landscape', 'moat', 'network effects', 'economies of scale', 'supply chain', 'procurement',
  'exchange rate', 'interest rates', 'central bank', 'quantitative easing', 'recession', 'gdp', 'productivity',
  'inequality', 'labor market', 'trade policy', 'tariffs', 'externalities', 'public goods', 'mechanism',
  // literature, poetics, music, linguistics, philosophy, history
  'villanelle', 'sestina', 'sonnet', 'sonnets', 'terza rima', 'ghazal', 'pantoum', 'alexandrine', 'alexandrines',
  'hexameter', 'pentameter', 'iambic pentameter', 'refrain', 'refrains', 'enjambment', 'caesura', 'volta',
  'free indirect', 'narrative structure', 'unreliable', 'allegory', 'intertextuality', 'postmodern', 'modernist',
  'counterpoint', 'fugue', 'harmonic analysis', 'voice leading', 'modulation', 'phonology', 'morphology', 'syntax',
  'pragmatics', 'semantics of', 'etymology', 'historical linguistics', 'proto-indo-european', 'dialectology',
  'philosophy of mind', 'personal identity', 'reductionism', 'dualism', 'physicalism', 'qualia', 'a priori',
  'epistemic', 'normative', 'metaphysics', 'kantian', 'hegelian', 'existentialism', 'historiographical',
  'primary source', 'primary sources', 'archival', 'revisionist', 'geopolitical', 'realpolitik',
  // cryptography and security, broader
  'rsa', 'aes', 'diffie-hellman', 'modulus', 'exponent', 'exponents', 'key management', 'key-management',
  'public key', 'private key', 'signature scheme', 'digital signatures', 'hash function', 'nonce', 'side channel',
  'timing attack', 'padding oracle', 'certificate authority', 'pki', 'hsm', 'secure enclave', 'threat modeling',
  'penetration test', 'vulnerability', 'vulnerabilities', 'cve', 'mitigation', 'mitigations', 'attack', 'attacks',
  // mathematics: named results a proof request usually names
  'theorem', 'lemma', 'corollary', 'axiom', 'conjecture',
  // product, localisation, operations
  'localisation', 'localization', 'internationalisation', 'internationalization', 'right-to-left', 'terminology',
  'incident response', 'on-call', 'severity levels', 'postmortem', 'post-incident', 'game day', 'sre', 'error budget',
  // humanities and language
  
  'epistemology', 'determinism', 'free will', 'historiography', 'hermeneutics',
  'literature review', 
];

/** Imperative verbs that open a separate ask ("explain X, then write Y"). */
export const ASK_VERBS = [
  'explain', 'write', 'list', 'describe', 'give', 'show', 'implement', 'create', 'build', 'design', 'compare',
  'analyze', 'analyse', 'summarize', 'summarise', 'propose', 'outline', 'suggest', 'estimate', 'calculate',
  'compute', 'find', 'identify', 'draft', 'plan', 'evaluate', 'assess', 'recommend', 'derive', 'prove', 'rank',
  'define', 'predict', 'document', 'choose', 'justify', 'critique', 'map', 'specify', 'state', 'test', 'check',
  'fix', 'refactor', 'review', 'audit', 'reconcile', 'quantify', 'convert', 'translate', 'model', 'measure',
  'investigate', 'discuss', 'flag', 'produce', 'develop', 'lay out', 'work out', 'figure out', 'tell me',
  'debug', 'optimize', 'optimise', 'improve', 'rewrite', 'make', 'add', 'help', 'turn', 'update', 'change',
  'remove', 'modify', 'extend', 'port', 'clean', 'simplify', 'solve', 'decide', 'answer', 'sort', 'group',
  'classify', 'detect', 'handle', 'support', 'migrate', 'set up', 'configure', 'deploy', 'generate',
];

/**
 * The same cues in other languages (Spanish, French, German, Portuguese, Italian, Dutch, Russian,
 * Turkish, Chinese, Japanese, Korean), written from general knowledge of each language: the common
 * imperative and infinitive forms of the main verbs and the everyday question words. Entries in
 * Chinese, Japanese or Korean are found anywhere in the text (those scripts do not put spaces
 * between words, or attach particles to them); the others as words, like the English lists.
 */
export const OTHER_LANGUAGES = {
  proof: [
    'demuestra', 'demuestre', 'demostrar', 'demostración', 'prueba que', 'deriva', 'derivar', 'derivación',
    'démontrer', 'démontrez', 'démontre', 'démonstration', 'prouver', 'prouvez', 'prouve que', 'dérivez', 'dériver',
    'beweise', 'beweisen', 'beweis', 'zeige dass', 'zeigen sie', 'herleiten', 'herleitung', 'leite',
    'demonstre', 'demonstrar', 'demonstração', 'prove que', 'derive a',
    'dimostra', 'dimostrare', 'dimostrazione', 'dimostrate',
    'bewijs', 'bewijs dat', 'toon aan',
    'докажите', 'докажи', 'доказать', 'доказательство', 'выведите', 'выведи',
    'kanıtla', 'ispatla',
    '证明', '證明', '推导', '推導', '証明', '導出', '증명', '유도',
  ],
  design: [
    'diseña', 'diseñe', 'diseñar', 'diseño', 'arquitectura',
    'concevez', 'concevoir', 'conçois', 'conception', 'architecture',
    'entwirf', 'entwerfen', 'entwerfe', 'entwurf', 'architektur', 'konzipiere',
    'projete', 'projetar', 'arquitetura',
    'progetta', 'progettare', 'architettura',
    'ontwerp', 'ontwerpen',
    'спроектируй', 'спроектируйте', 'спроектировать', 'архитектура', 'архитектуру', 'разработай', 'разработайте',
    'tasarla', 'mimari',
    '设计', '設計', '架构', '架構', 'アーキテクチャ', '설계', '아키텍처',
  ],
  analysis: [
    'analiza', 'analice', 'analizar', 'análisis', 'compara', 'compare', 'comparar', 'evalúa', 'evaluar', 'críticamente',
    'analysez', 'analyser', 'analyse', 'comparez', 'comparer', 'évaluez', 'évaluer', 'critiquement',
    'analysiere', 'analysieren', 'analyse', 'vergleiche', 'vergleichen', 'bewerte', 'bewerten', 'kritisch',
    'analise', 'analisar', 'comparar', 'avalie', 'avaliar', 'criticamente',
    'analizza', 'analizzare', 'confronta', 'confrontare', 'valuta', 'valutare', 'criticamente',
    'analyseer', 'vergelijk',
    'проанализируй', 'проанализируйте', 'анализ', 'сравни', 'сравните', 'оцени', 'оцените',
    'analiz et', 'karşılaştır',
    '分析', '比较', '比較', '评估', '評估', '论述', '評価', '論じ', '분석', '비교', '평가',
  ],
  planning: [
    'planifica', 'planificar', 'plan de', 'hoja de ruta', 'estrategia', 'cronograma', 'fases', 'migración',
    'planifiez', 'planifier', 'feuille de route', 'stratégie', 'phases', 'migration',
    'planen', 'plane', 'phasen', 'fahrplan', 'strategie', 'umstellung', 'migration',
    'plano', 'planejar', 'planeje', 'estratégia', 'migração',
    'piano', 'pianifica', 'pianificare', 'fasi', 'strategia', 'migrazione',
    'план', 'спланируй', 'стратегия', 'этапы', 'миграция',
    'planla', 'strateji',
    '计划', '計劃', '方案', '规划', '規劃', '阶段', '迁移', '計画', '移行', '段階', '계획', '단계', '전략', '마이그레이션',
  ],
  explain: [
    'explica', 'explícame', 'explicar', 'por qué', 'cómo funciona', 'diferencia', 'diferencias',
    'explique', 'expliquez', 'explique-moi', 'pourquoi', 'comment fonctionne', 'différence',
    'erkläre', 'erklären', 'erklär', 'warum', 'wie funktioniert', 'unterschied',
    'explique', 'explicar', 'por que', 'como funciona', 'diferença',
    'spiega', 'spiegami', 'spiegare', 'perché', 'come funziona', 'differenza',
    'leg uit', 'uitleggen', 'waarom',
    'объясни', 'объясните', 'почему', 'как работает', 'разница',
    'açıkla', 'neden',
    '解释', '解釋', '为什么', '為什麼', '原理', '区别', '區別', '説明', 'なぜ', '違い', '설명', '왜', '차이',
  ],
  lookup: [
    'cuál es', 'qué es', 'quién', 'cuándo', 'dónde', 'cuántos', 'cuánto', 'capital de',
    'quelle est', 'quel est', "qu'est-ce", 'qui a', 'quand', 'où est', 'combien', 'capitale',
    'was ist', 'wer hat', 'wer ist', 'wann', 'wo ist', 'wie viele', 'wie viel', 'hauptstadt', 'wie spät',
    'qual é', 'o que é', 'quem', 'quando', 'onde', 'quantos', 'quanto é',
    'qual è', "cos'è", 'chi ha', 'chi è', 'dove', 'quanti', 'quanto',
    'wat is', 'wie is', 'hoofdstad',
    'сколько', 'кто', 'когда', 'где', 'что такое', 'столица',
    'nerede', 'neresi', 'kaç', 'başkenti',
    '什么是', '是什么', '多少', '哪里', '哪裡', '谁', '誰', '多远', '首都', 'どこ', '何曜日', 'いつ', '高さ', '어디', '수도', '언제', '누구',
  ],
  transform: [
    'corrige', 'traduce', 'traducir', 'ortografía',
    'corrigez', 'traduis', 'traduire', 'orthographe', 'mets',
    'korrigiere', 'übersetze', 'rechtschreibung',
    'corrija', 'traduza',
    'correggi', 'traduci',
    'vertaal',
    'переведи', 'исправь',
    'çevir',
    '翻译', '翻譯', '改正', '翻訳', '訂正', '번역',
  ],
  social: [
    'hola', 'gracias', 'adiós', 'buenos días', 'qué tal',
    'salut', 'bonjour', 'merci', 'bonsoir', 'ça va',
    'hallo', 'danke', 'tschüss', 'guten morgen', 'guten abend',
    'olá', 'oi', 'obrigado', 'obrigada', 'tchau',
    'ciao', 'grazie', 'buongiorno', 'come stai',
    'hoi', 'bedankt', 'dank je',
    'привет', 'спасибо', 'пока', 'как дела',
    'merhaba', 'teşekkür', 'teşekkürler',
    '你好', '谢谢', '謝謝', '再见', 'こんにちは', 'ありがとう', 'おはよう', '안녕', '감사', '고마워',
  ],
  writing: [
    'escribe', 'escriba', 'redacta', 'correo', 'carta', 'poema', 'cuento', 'historia', 'función',
    'écris', 'écrivez', 'rédige', 'rédigez', 'lettre', 'poème', 'histoire', 'courriel', 'fonction',
    'schreib', 'schreibe', 'verfasse', 'brief', 'gedicht', 'geschichte', 'e-mail', 'rede', 'funktion',
    'escreva', 'escreve', 'história', 'função',
    'scrivi', 'lettera', 'poesia', 'storia', 'funzione',
    'schrijf',
    'напиши', 'напишите', 'письмо', 'стихотворение', 'рассказ', 'функцию',
    'yaz',
    '写', '寫', '邮件', '郵件', '诗', '故事', '函数', '書いて', 'メール', '詩', '物語', '작성', '편지',
  ],
  depth: [
    'detallado', 'detallada', 'en profundidad', 'completo', 'exhaustivo',
    'détaillé', 'détaillée', 'en profondeur', 'complet',
    'detailliert', 'ausführlich', 'gründlich', 'vollständig', 'eingehend',
    'detalhado', 'aprofundado',
    'dettagliato', 'approfondito', 'completo',
    'подробно', 'подробный', 'детально',
    'ayrıntılı',
    '详细', '詳細', '深入', '全面', '詳しく', '자세히', '상세',
  ],
  constraints: [
    'garantice', 'garantizar', 'tolerancia',
    'garantir', 'garantissant', 'tolérance',
    'garantieren', 'sicherstellen', 'gewährleisten',
    'garanta',
    'garantire',
    'гарантировать', 'гарантирует',
    '保证', '保證', '确保', '確保', '不丢失', '保証', '보장',
  ],
  specialised: [
    'distribuido', 'distribuida', 'concurrencia', 'algoritmo', 'consenso', 'idempotencia', 'transacción',
    'distribué', 'distribuée', 'concurrence', 'algorithme', 'idempotence',
    'verteilt', 'verteilte', 'verteilten', 'nebenläufig', 'algorithmus', 'speicherordnung', 'speicherordnungen', 'lock-freie',
    'distribuído', 'distribuída', 'concorrência',
    'distribuito', 'concorrenza', 'algoritmo',
    'распределённая', 'распределенная', 'распределённую', 'репликация', 'согласованность', 'алгоритм',
    'dağıtık',
    '分布式', '共识', '共識', '并发', '並發', '事务', '事務', '算法', '分散', 'トランザクション', '並行', '분산', '동시성', '트랜잭션',
  ],
  askVerbs: [
    'escribe', 'explica', 'dame', 'haz', 'crea', 'elabora', 'diseña', 'analiza', 'compara', 'demuestra', 'redacta',
    'écris', 'explique', 'donne', 'fais', 'crée', 'créez', 'propose', 'proposez', 'analysez', 'comparez', 'démontrez', 'rédige',
    'schreib', 'schreibe', 'erkläre', 'gib', 'mach', 'erstelle', 'nenne', 'analysiere', 'vergleiche', 'beweise', 'entwirf',
    'escreva', 'explique', 'crie', 'faça', 'projete', 'analise', 'demonstre',
    'scrivi', 'spiega', 'dammi', 'fai', 'crea', 'progetta', 'analizza', 'dimostra',
    'schrijf', 'geef', 'maak',
    'напиши', 'объясни', 'дай', 'сделай', 'создай', 'составь', 'спроектируй', 'докажи', 'докажите',
    '请', '請', '帮我', '幫我', 'ください', '주세요',
  ],
} as const;
