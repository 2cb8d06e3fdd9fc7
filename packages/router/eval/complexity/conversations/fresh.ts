// Held-out conversations, written without reading the estimator (see ../README.md).
import type { LabelledConversation } from './types';

export const fresh: LabelledConversation[] = [
  // ---------------------------------------------------------------- code
  {
    turns: [
      { role: 'user', content: "Write a Python function that checks if a string is a palindrome, ignoring case and spaces." },
      { role: 'assistant', content: "def is_palindrome(s):\n    t = ''.join(s.split()).lower()\n    return t == t[::-1]\n\nIt strips whitespace, lowercases, and compares the string with its reverse." },
    ],
    message: "thanks!",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Design a rate limiter for our API gateway: 50k req/s spread over 12 gateway nodes, limits are per tenant and must be fair, and it has to keep working if Redis goes down." },
      { role: 'assistant', content: "I'd use a hybrid: each node keeps local token buckets per tenant sized at limit/12, and every 250 ms nodes push consumed counts to Redis and pull a global view to rebalance shares. If Redis is unreachable nodes fall back to their static local share (slightly conservative). [...] Trade-offs: bursts can exceed the global limit by up to one sync interval's worth of traffic." },
    ],
    message: "ok now make it work when clocks between nodes can drift by up to 2 seconds. the refill math currently assumes synced wall clocks",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "how do i reverse a list in python" },
      { role: 'assistant', content: "Either `lst.reverse()` (in place) or `lst[::-1]` (returns a new reversed list)." },
    ],
    message: "and in javascript?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "write a function to merge two sorted int slices in go" },
      { role: 'assistant', content: "func merge(a, b []int) []int {\n    out := make([]int, 0, len(a)+len(b))\n    i, j := 0, 0\n    [...]\n    return out\n}" },
    ],
    message: "can you add table-driven unit tests for it, including the edge cases (empty, nil, duplicates)",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Implement a lock-free MPMC queue in C++ using std::atomic." },
      { role: 'assistant', content: "Here's a Michael-Scott style queue with hazard pointers for reclamation. [...] Dequeue loads head with memory_order_acquire, reads next, then CASes head forward with acq_rel." },
      { role: 'user', content: "what's the hazard pointer part for exactly?" },
      { role: 'assistant', content: "Without it, a dequeuer could free a node while another thread still holds a pointer to it and is about to read node->next. Publishing the pointer in a hazard slot tells reclaimers not to free it yet." },
    ],
    message: "right, but then why is acquire enough on the head load? couldn't the node be recycled between my load and publishing the hazard pointer, so ABA still bites on the CAS?",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "SQL query: top 5 customers by total order value in 2023. tables customers(id, name) and orders(id, customer_id, amount, created_at)" },
      { role: 'assistant', content: "SELECT c.name, SUM(o.amount) AS total\nFROM customers c JOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= '2023-01-01' AND o.created_at < '2024-01-01'\nGROUP BY c.id, c.name\nORDER BY total DESC\nLIMIT 5;" },
    ],
    message: "rename the column total to revenue_2023 pls",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "My React component re-renders in an infinite loop, no idea why." },
      { role: 'assistant', content: "Most often this is a useEffect that sets state which is also in its own dependency array, or an object/array created during render passed as a dependency. Can you share the component?" },
    ],
    message: `here it is:
\`\`\`jsx
function List({ data }) {
  const [items, setItems] = useState([]);
  useEffect(() => {
    setItems(data.filter(d => d.active));
  }, [data, items]);
  return <ul>{items.map(i => <li key={i.id}>{i.name}</li>)}</ul>;
}
\`\`\``,
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Explain what a mutex is, simply." },
      { role: 'assistant', content: "A mutex is a lock that only one thread can hold at a time. A thread locks it before touching shared data and unlocks it after, so two threads never modify that data simultaneously." },
    ],
    message: "so what's the difference with a semaphore then",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "We need Kubernetes network policies for a multi-tenant cluster: tenants isolated, shared ingress, egress only to an allowlist, and the platform team's monitoring must scrape everything." },
      { role: 'assistant', content: "Start with a default-deny in every tenant namespace, then [...] a policy allowing ingress from the ingress-nginx namespace by label, one allowing Prometheus from the monitoring namespace on metrics ports, and Cilium FQDN egress policies for the allowlist since vanilla NetworkPolicy can't match DNS names." },
      { role: 'user', content: "and what about DNS itself, doesn't default deny kill it?" },
      { role: 'assistant', content: "Yes — you need an explicit egress rule to kube-dns on UDP/TCP 53 in each namespace, otherwise pods can't resolve anything, including the allowlisted FQDNs." },
    ],
    message: "makes sense. unrelated, how many ounces in a pound",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Our Go service leaks goroutines under load. Count goes from ~200 to 40k over an hour." },
      { role: 'assistant', content: "Typical causes: HTTP calls without a context deadline, unbuffered channels nobody reads after a timeout, or response bodies never closed. Take a goroutine profile (pprof /debug/pprof/goroutine?debug=2) and see where most are parked." },
    ],
    message: `added ctx timeouts everywhere like you said, bodies are closed. the count still climbs, but ONLY when upstream starts returning 503s and our retry middleware kicks in, and only since we enabled HTTP/2 to that upstream. dump shows ~38k of these:

goroutine 81234 [select, 14 minutes]:
golang.org/x/net/http2.(*clientStream).writeRequest(...)
golang.org/x/net/http2.(*ClientConn).RoundTrip(...)
  transport.go:1268
created by .../retry.(*Middleware).do in goroutine 80311
  retry.go:88 +0x1f4

retry.go:88 is where we call rt.RoundTrip(req.Clone(ctx)) with the original body reused`,
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Write a bash script that backs up /var/www to S3 every night, compressed, keeping only the last 7 days." },
      { role: 'assistant', content: "#!/usr/bin/env bash\nset -euo pipefail\nSTAMP=$(date +%F)\nARCHIVE=/tmp/www-$STAMP.tar.gz\ntar -czf \"$ARCHIVE\" /var/www\naws s3 cp \"$ARCHIVE\" s3://my-backups/www/\n# rotate old backups" },
    ],
    message: "continue",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Write a TLA+ spec for two-phase commit with a coordinator that can crash and recover from its log, and state the safety invariants you'd check with TLC." },
      { role: 'assistant', content: "---- MODULE TwoPCRecovery ----\nEXTENDS Naturals, FiniteSets\nCONSTANTS RM\nVARIABLES rmState, tmState, tmLog, msgs\n[...]\nTMCommit == /\\ tmState = \"init\" /\\ tmPrepared = RM /\\ tmLog' = tmLog \\cup {\"commit\"} [...]\nTMCrash == tmState' = \"down\" /\\ UNCHANGED <<tmLog, rmState, msgs>>\n" },
    ],
    message: "keep going, you stopped right before the recovery action. and I still need the invariants",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "convert to yaml: {\"name\": \"api\", \"replicas\": 3, \"image\": \"api:1.4\", \"env\": {\"LOG_LEVEL\": \"info\", \"PORT\": \"8080\"}}" },
      { role: 'assistant', content: "name: api\nreplicas: 3\nimage: api:1.4\nenv:\n  LOG_LEVEL: info\n  PORT: \"8080\"" },
    ],
    message: "now sort the keys alphabetically at every level",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "what does kubectl get pods -A do" },
      { role: 'assistant', content: "It lists pods in all namespaces (-A is short for --all-namespaces), with their ready count, status, restarts and age." },
    ],
    message: "cool ty",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Write a Dockerfile for a Node 20 Express app." },
      { role: 'assistant', content: "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"server.js\"]" },
    ],
    message: "the image is 1.1GB. make it multi-stage so the final image is small, only prod deps, and runs as non-root",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "We have 40 microservices on EC2 deployed with hand-written Ansible. Plan a migration to EKS with zero downtime. We're PCI-DSS scoped, 3 teams of 4 engineers, 6 months." },
      { role: 'assistant', content: "Phase 0 (month 1): landing zone, EKS clusters per environment, segmented CDE node groups, logging/audit for PCI. Phase 1: migrate 5 stateless non-CDE services behind weighted Route 53 records. Phase 2 [...] Phase 4: CDE services last, with QSA review before cut-over." },
      { role: 'user', content: "how do we handle the services that share a database?" },
      { role: 'assistant', content: "Keep the database where it is and migrate the services that share it together as one cut-over unit, so you never have writers split across platforms with different connection pooling and secrets handling. [...]" },
    ],
    message: "management just told us we get 2 engineers and 3 months, not 12 and 6. rework the plan — what do we cut, what order now, and what risks do we accept for PCI?",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "What port does HTTPS use by default?" },
      { role: 'assistant', content: "443." },
    ],
    message: "why that number?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "how to make http get request in rust?" },
      { role: 'assistant', content: "Use the reqwest crate:\n\n#[tokio::main]\nasync fn main() -> Result<(), reqwest::Error> {\n    let body = reqwest::get(\"https://example.com\").await?.text().await?;\n    println!(\"{body}\");\n    Ok(())\n}\n\nAdd reqwest to Cargo.toml." },
    ],
    message: "it give error 'failed to resolve: use of undeclared crate or module tokio'. what i do wrong?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Regex to validate email addresses, doesn't need to be perfect." },
      { role: 'assistant', content: "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$ — it covers the common cases but not quoted local parts or IP literals." },
    ],
    message: "also make it reject consecutive dots and a dot at the start or end of the local part",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "I have a stream of ~10^9 integers and only 1 MB of memory. I need the approximate top-100 most frequent values." },
      { role: 'assistant', content: "Use the Space-Saving algorithm with k counters (say 10,000 fit easily in 1 MB). When a new item arrives and all counters are taken, replace the item with the minimum count and set its count to min+1. Any item with frequency > N/k is guaranteed to be tracked." },
    ],
    message: "prove that guarantee, and the bound on the overestimation error of each counter",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Explain how Raft leader election works." },
      { role: 'assistant', content: "Followers that hear no heartbeat within a randomized timeout become candidates, increment their term and request votes. A node grants at most one vote per term, and only to candidates whose log is at least as up to date. A candidate with a majority becomes leader for that term. [...]" },
    ],
    message: "so what happens to an old leader on the minority side of a partition? it still thinks it's leader — can it commit anything? walk me through a concrete 5-node scenario and show why no two leaders can commit conflicting entries",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "python class for a simple bank account with deposit and withdraw" },
      { role: 'assistant', content: "class BankAccount:\n  def __init__(self, owner, balance=0):\n    self.owner = owner\n    self.balance = balance\n  def deposit(self, amount):\n    [...]" },
    ],
    message: "change the indentation to 4 spaces, our linter complains",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "hi, I'm cleaning up an old utils module before handing it over to a new teammate" },
      { role: 'assistant', content: "Happy to help — paste the code and tell me what kind of cleanup you want (docs, types, refactoring, tests)." },
    ],
    message: `add docstrings to all of these, google style

def chunk(xs, n):
    return [xs[i:i+n] for i in range(0, len(xs), n)]

def flatten(xss):
    return [x for xs in xss for x in xs]

def retry(fn, tries=3, delay=0.5):
    for i in range(tries):
        try:
            return fn()
        except Exception:
            if i == tries - 1:
                raise
            time.sleep(delay * 2 ** i)

def slugify(s):
    return re.sub(r'[^a-z0-9]+', '-', s.lower()).strip('-')`,
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "npm install fails on a project I just cloned" },
      { role: 'assistant', content: "Can you paste the error? Common causes are Node version mismatches, peer dependency conflicts (npm 7+ is strict), or a corrupted cache." },
    ],
    message: `npm ERR! code ERESOLVE
npm ERR! ERESOLVE unable to resolve dependency tree
npm ERR! Found: react@18.2.0
npm ERR! node_modules/react
npm ERR!   react@"^18.2.0" from the root project
npm ERR! Could not resolve dependency:
npm ERR! peer react@"^16.8.5 || ^17.0.0" from react-beautiful-dnd@13.1.1`,
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "What's a hash table?" },
      { role: 'assistant', content: "A structure mapping keys to values: a hash function turns the key into an index into an array of buckets, giving average O(1) lookup and insert. Collisions are handled by chaining or open addressing, and the table resizes when it gets too full." },
    ],
    message: "ok now design one that can resize concurrently without blocking readers — lock-free reads, many writers — and explain how you reclaim the old bucket array safely",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "fizzbuzz in python" },
      { role: 'assistant', content: "for i in range(1, 101):\n    if i % 15 == 0: print('FizzBuzz')\n    elif i % 3 == 0: print('Fizz')\n    elif i % 5 == 0: print('Buzz')\n    else: print(i)" },
    ],
    message: "now do it without any if statements, as a one-liner",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "What's the time complexity of quicksort?" },
      { role: 'assistant', content: "O(n log n) on average, O(n²) in the worst case (e.g. already-sorted input with a naive first-element pivot). With a random pivot the expected time is O(n log n) for every input." },
    ],
    message: "prove the expected bound for the random pivot version",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Explain closures in JavaScript." },
      { role: 'assistant', content: "A closure is a function together with the variables from the scope where it was defined. The inner function keeps access to those variables even after the outer function has returned. [...]" },
    ],
    message: "give me an example where that causes a bug in a for loop with var, and how to fix it",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Write a thread-safe LRU cache in Java." },
      { role: 'assistant', content: "A LinkedHashMap with accessOrder=true and removeEldestEntry handles LRU; wrapping every operation in a ReentrantLock makes it thread-safe. [...] For higher concurrency you could stripe by key hash, at the cost of only approximate global LRU order." },
    ],
    message: "do the same in Rust, but without one global mutex — readers shouldn't serialize on each other",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "what does git stash do" },
      { role: 'assistant', content: "It saves your uncommitted changes on a stack and resets the working tree to HEAD, so you can switch branches with a clean tree." },
    ],
    message: "how do i get it back",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "git rebase vs merge, which one should I use?" },
      { role: 'assistant', content: "Merge preserves history exactly and adds a merge commit; rebase rewrites your commits on top of the target for a linear history. Rule of thumb: rebase your own local branches, never rebase commits others have already pulled." },
    ],
    message: "oops. I rebased a shared branch and force-pushed and now two of my coworker's commits are gone from origin. how do I get them back?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Write a recursive descent parser in Python for arithmetic expressions with + - * / and parentheses." },
      { role: 'assistant', content: "Grammar: expr := term (('+'|'-') term)*, term := factor (('*'|'/') factor)*, factor := NUMBER | '(' expr ')'.\n\nclass Parser:\n    def __init__(self, tokens): [...]\n    def expr(self): [...]\n\nIt builds a small AST that an eval() function walks." },
      { role: 'user', content: "nice, add unary minus" },
      { role: 'assistant', content: "factor := '-' factor | NUMBER | '(' expr ')' — in code, check for '-' at the start of factor() and return Neg(self.factor()). [...]" },
    ],
    message: "now extend it into a tiny language: let-bindings, user-defined functions with closures and lexical scoping, recursion, and tail-call optimisation in the evaluator so deep recursion doesn't blow the Python stack",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Here's our spinlock, it's been fine on x86 for years." },
      { role: 'assistant', content: "Sure, paste it and I'll take a look." },
    ],
    message: `we moved to Graviton (ARM) and now very rarely the protected counter is off by one or two after a stress test. what's wrong?

typedef struct { volatile int locked; } spin_t;

void spin_lock(spin_t *s) {
    while (__sync_lock_test_and_set(&s->locked, 1))
        while (s->locked) ;
}

void spin_unlock(spin_t *s) {
    s->locked = 0;
}

// usage: spin_lock(&l); shared->count++; shared->last = now(); spin_unlock(&l);`,
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "pls help me understand what is 'recursion', i am beginner in programming" },
      { role: 'assistant', content: "Recursion is when a function calls itself to solve a smaller version of the same problem, until it reaches a simple case (the base case) that it can answer directly." },
    ],
    message: "can you show me with factorial example in python pls, and explain each step",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "I'm new to the team and found this in our cron scripts" },
      { role: 'assistant', content: "Go ahead and paste it, I'll explain what it does." },
    ],
    message: "find /var/log/app -name '*.log' -mtime +7 -exec gzip {} \\; && find /var/log/app -name '*.gz' -mtime +30 -delete",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Why is my Python multiprocessing code slower than the single-process version?" },
      { role: 'assistant', content: "Usually because of pickling overhead: arguments and results are serialized between processes. If each task is small, the IPC costs more than the work. Batch tasks, or share large arrays via multiprocessing.shared_memory instead of passing them." },
    ],
    message: "it's already using shared_memory for the numpy arrays and tasks are big. the weird part: it scales fine up to 16 workers, then gets SLOWER up to 64. perf shows a lot of time in page faults and the box is a 2-socket NUMA machine, 32 cores per socket. arrays are created in the parent before the pool starts. what's going on and how do I restructure it?",
    label: 'complex',
  },
  // ---------------------------------------------------------------- devops / security
  {
    turns: [
      { role: 'user', content: "how do i see disk usage on linux" },
      { role: 'assistant', content: "`df -h` shows free/used space per filesystem; `du -sh <dir>` shows how much a directory uses." },
    ],
    message: "how do i find the 10 biggest files under /var",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Set up GitHub Actions CI for a Python project using pytest." },
      { role: 'assistant', content: "name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with: { python-version: '3.12' }\n      - run: pip install -r requirements.txt\n      - run: pytest" },
    ],
    message: "add a matrix for python 3.10, 3.11 and 3.12, cache pip, and upload the coverage report as an artifact",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "terraform plan wants to destroy and recreate our prod RDS instance and I did not change anything related to it" },
      { role: 'assistant', content: "Don't apply yet. Look for the attribute marked '# forces replacement' in the plan output — that's the one causing it." },
    ],
    message: `this is the relevant part:

  # aws_db_instance.main must be replaced
-/+ resource "aws_db_instance" "main" {
      ~ engine_version      = "14.10" -> "14.7"
      + snapshot_identifier = "prod-pre-upgrade-2024-03" # forces replacement
        # (31 unchanged attributes hidden)
    }

someone added snapshot_identifier to the module last month when they restored staging`,
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Can you review our auth design? Access JWTs valid 15 min, refresh tokens valid 30 days stored in a Postgres table, same setup in 3 regions." },
      { role: 'assistant', content: "Main gaps: refresh tokens aren't rotated, so a stolen one is valid for 30 days; there's no revocation path for access tokens besides waiting out the 15 min; and [...] I'd add rotation with reuse detection: each refresh issues a new token and invalidates the old one, and seeing an invalidated token revoke the whole token family." },
    ],
    message: "ok do that, but the regions replicate with ~200ms lag (sometimes seconds). design the rotation + reuse detection so that a stolen refresh token replayed in another region inside the lag window is still caught, without forcing every refresh to go cross-region",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "What's a service mesh, in one paragraph?" },
      { role: 'assistant', content: "A service mesh is an infrastructure layer, usually sidecar proxies plus a control plane, that handles service-to-service traffic: mTLS, retries, timeouts, traffic splitting and telemetry, without changing application code." },
    ],
    message: "we have ~300 services across two k8s clusters in different clouds (GKE + EKS), currently with hand-configured nginx sidecars. design mTLS with automatic cert rotation, cross-cluster service discovery and failover, and a migration path off the nginx sidecars with no downtime",
    label: 'complex',
  },
  // ---------------------------------------------------------------- math
  {
    turns: [
      { role: 'user', content: "17 * 23?" },
      { role: 'assistant', content: "391" },
    ],
    message: "and 17*24",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Solve x^2 - 5x + 6 = 0" },
      { role: 'assistant', content: "It factors as (x - 2)(x - 3) = 0, so x = 2 or x = 3." },
    ],
    message: "ok now show me how to do it by completing the square, step by step",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "is there a biggest prime number?" },
      { role: 'assistant', content: "No — there are infinitely many primes. Euclid's argument: multiply any finite list of primes together and add 1; the result isn't divisible by any of them, so some prime is missing from the list." },
    ],
    message: "ok but prove it properly, and then prove there are infinitely many primes of the form 4k+3 too",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Integral of x e^x dx?" },
      { role: 'assistant', content: "By parts with u = x, dv = e^x dx: ∫x e^x dx = x e^x − e^x + C = (x − 1)e^x + C." },
    ],
    message: "now from 0 to 1",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Prove that sqrt(2) is irrational." },
      { role: 'assistant', content: "Suppose √2 = p/q in lowest terms. Then p² = 2q², so p² is even, hence p is even: p = 2k. Then 4k² = 2q², so q² = 2k² and q is even too — contradicting lowest terms." },
    ],
    message: "why does p² even mean p is even? feels like you're assuming what you want to prove",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Two groups, n=30 each. Means 5.2 and 4.8, SDs 1.1 and 1.3. Is the difference significant?" },
      { role: 'assistant', content: "Welch's t-test: SE = sqrt(1.1²/30 + 1.3²/30) ≈ 0.311, t ≈ 0.4/0.311 ≈ 1.29, df ≈ 56, p ≈ 0.20. Not significant at 0.05." },
    ],
    message: "what if i had 300 per group with the same means and SDs?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Show that every real symmetric matrix is orthogonally diagonalizable." },
      { role: 'assistant', content: "Induction on n. A real symmetric A has a real eigenvalue λ (its eigenvalues are real since ⟨Av,v⟩ = ⟨v,Av⟩). Take a unit eigenvector v; W = v^⊥ is A-invariant because ⟨Aw, v⟩ = ⟨w, Av⟩ = λ⟨w,v⟩ = 0. Restrict A to W and apply the hypothesis. [...]" },
    ],
    message: "where exactly did we use that the entries are real and not complex? what breaks for complex symmetric (not Hermitian) matrices — give a counterexample",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "how many degrees in a triangle" },
      { role: 'assistant', content: "180°" },
      { role: 'user', content: "and a square" },
      { role: 'assistant', content: "360°" },
    ],
    message: "pentagon?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "I roll two dice. Probability the sum is 7?" },
      { role: 'assistant', content: "6 of the 36 outcomes sum to 7, so 1/6." },
    ],
    message: "ok now: expected number of rolls (of the pair) until every sum from 2 to 12 has appeared at least once? exact value please, not a simulation",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Loan of $200,000 at 6% annual interest, 30 years. Monthly payment?" },
      { role: 'assistant', content: "M = P·r/(1 − (1+r)^−n) with r = 0.005, n = 360: about $1,199.10 per month." },
    ],
    message: "if i pay an extra $200 every month, when is it paid off and how much interest do i save?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Find all integer solutions to x² + y² = z²." },
      { role: 'assistant', content: "Primitive solutions are x = m² − n², y = 2mn, z = m² + n² with m > n > 0 coprime and of opposite parity (up to swapping x and y); all others are integer multiples of these." },
    ],
    message: "now show x⁴ + y⁴ = z² has no solutions with xyz ≠ 0",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "A ball is thrown straight up at 20 m/s. How high does it go? ignore air resistance" },
      { role: 'assistant', content: "h = v²/(2g) = 400/19.6 ≈ 20.4 m." },
    ],
    message: "how long until it comes back down to my hand?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "What's a group in abstract algebra?" },
      { role: 'assistant', content: "A set with an associative binary operation, an identity element, and an inverse for every element. Examples: the integers under addition, nonzero reals under multiplication, the symmetries of a square." },
    ],
    message: "prove that every group of order p² (p prime) is abelian",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "What's a Nash equilibrium?" },
      { role: 'assistant', content: "A strategy profile where no player can do better by changing only their own strategy, given the others' strategies. Every finite game has at least one, possibly in mixed strategies." },
    ],
    message: "find ALL the Nash equilibria, mixed ones included, of this game (row player's payoff first):\n\n      L      C      R\nT   3,3    0,4    1,0\nM   4,0    1,1    0,2\nB   0,1    2,0    2,2",
    label: 'complex',
  },
  // ---------------------------------------------------------------- science
  {
    turns: [
      { role: 'user', content: "Why is the sky blue?" },
      { role: 'assistant', content: "Sunlight scatters off air molecules, and shorter wavelengths scatter much more strongly (Rayleigh scattering goes as 1/λ⁴), so blue light reaches your eyes from every direction of the sky." },
    ],
    message: "then why are sunsets red and not, like, even bluer?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Boiling point of water at sea level in Fahrenheit?" },
      { role: 'assistant', content: "212 °F." },
    ],
    message: "and in kelvin",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Explain how CRISPR-Cas9 works." },
      { role: 'assistant', content: "Cas9 is an enzyme that cuts DNA. It's guided by a short RNA whose sequence matches the target; when the guide pairs with the matching DNA next to a PAM site, Cas9 cuts both strands. The cell repairs the break, either sloppily (knocking the gene out) or using a template you provide (editing it). [...]" },
    ],
    message: "summarize that in 2 sentences a 10 year old would get",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Derive the Schwarzschild radius from escape velocity." },
      { role: 'assistant', content: "Set escape velocity √(2GM/r) equal to c: r = 2GM/c². It's a coincidence that this Newtonian argument gives the right answer — the correct derivation comes from general relativity." },
    ],
    message: "then do it properly: solve the Einstein field equations for a static, spherically symmetric vacuum and show where r = 2GM/c² shows up",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "balance Fe + O2 -> Fe2O3" },
      { role: 'assistant', content: "4Fe + 3O₂ → 2Fe₂O₃" },
    ],
    message: "nice thanks",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Half-life of carbon-14?" },
      { role: 'assistant', content: "About 5,730 years." },
    ],
    message: "so if a bone has 12% of its original C-14 left, how old is it? show the working",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Explain the double-slit experiment." },
      { role: 'assistant', content: "Fire single electrons at two slits and, over many runs, an interference pattern builds up — as if each electron went through both. Put a detector at the slits to see which one it used, and the pattern disappears. [...]" },
      { role: 'user', content: "is that because the detector physically disturbs the electron?" },
      { role: 'assistant', content: "Not necessarily — even a detector that barely disturbs the electron's momentum destroys the pattern. What matters is that which-path information gets recorded somewhere: the electron becomes entangled with the detector." },
    ],
    message: "ok show me that quantitatively: model the detector as a two-state system, derive the reduced density matrix of the electron, and show how the interference term scales with the overlap of the detector states",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "What does R0 mean in epidemiology?" },
      { role: 'assistant', content: "The basic reproduction number: the average number of people one infected person infects in a fully susceptible population. Above 1 an outbreak grows; below 1 it dies out." },
    ],
    message: "build an SEIR model with three age groups (0-19, 20-64, 65+) and a contact matrix, derive R0 from the next-generation matrix, then add a vaccination campaign and explain how vaccinating the elderly first vs the 20-64 group first changes deaths and the final epidemic size",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "What's a Lagrangian in classical mechanics?" },
      { role: 'assistant', content: "L = T − V, kinetic minus potential energy, written in whatever generalized coordinates suit the problem. The Euler–Lagrange equations d/dt(∂L/∂q̇) − ∂L/∂q = 0 then give the equations of motion." },
    ],
    message: "derive the equations of motion of a double pendulum (equal masses and lengths), then linearise about the hanging equilibrium and find the normal mode frequencies and mode shapes",
    label: 'complex',
  },
  // ---------------------------------------------------------------- data / SQL
  {
    turns: [
      { role: 'user', content: "difference between inner join and left join?" },
      { role: 'assistant', content: "INNER JOIN returns only rows that match in both tables. LEFT JOIN returns every row from the left table, with NULLs for the right table's columns where there's no match." },
    ],
    message: "and right join?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "SQL to find duplicate emails in a users table (id, email, created_at)" },
      { role: 'assistant', content: "SELECT email, COUNT(*) FROM users GROUP BY email HAVING COUNT(*) > 1;" },
    ],
    message: "now delete the duplicates but keep the oldest row for each email. postgres",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Our Postgres orders table has 2B rows; queries filter on (tenant_id, created_at) and are getting slow. We want to partition it without downtime." },
      { role: 'assistant', content: "Create a new table partitioned by range on created_at (monthly), sub-partitioned or indexed by tenant_id, then dual-write via a trigger while backfilling old rows in batches, and swap names in a short transaction. [...]" },
      { role: 'user', content: "how big should the backfill batches be?" },
      { role: 'assistant', content: "Start around 10–50k rows per batch, keyed on the primary key range, and watch replication lag and autovacuum; throttle if lag exceeds a few seconds." },
    ],
    message: "problem: order_items has a FK to orders(id), and we're on PG 11 where a FK can't reference a partitioned table. how do we keep referential integrity during the migration and after it, without a long lock on order_items (900M rows)?",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "how do i read a csv in pandas" },
      { role: 'assistant', content: "import pandas as pd\ndf = pd.read_csv('file.csv')" },
    ],
    message: "and only the first 100 rows?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "I have weekly sales for 3 years. How do I check whether there's seasonality?" },
      { role: 'assistant', content: "Plot it first, then look at the autocorrelation function — a spike at lag 52 suggests yearly seasonality. A seasonal decomposition (STL) will separate trend, seasonal and residual components." },
    ],
    message: "write the python for that with statsmodels, my df has columns week (date) and sales",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Design a data warehouse schema for a ride-sharing company." },
      { role: 'assistant', content: "Star schema with fact_trip (trip_id, rider_key, driver_key, date_key, pickup_zone_key, dropoff_zone_key, fare, distance, duration, surge_multiplier) and dimensions dim_rider, dim_driver, dim_date, dim_zone, dim_vehicle. [...]" },
    ],
    message: "now handle: driver ratings that change over time (need historical correctness in reports), surge prices that get retroactively corrected days later, and GDPR erasure requests for riders — without breaking historical aggregates that finance has already signed off",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Summarize our A/B test: control 4.1% conversion (n=20,000), variant 4.4% (n=20,000)." },
      { role: 'assistant', content: "Difference +0.3 points (+7.3% relative). Two-proportion z-test gives z ≈ 1.5, p ≈ 0.13 — suggestive but not significant at 5%." },
    ],
    message: "hmm, the dashboard said p<0.05. context: we checked it every day for 3 weeks and stopped the first day it dipped below 0.05, and because of a bug the variant was only served on mobile during week 1. how much of this can we trust, and how should we re-analyse it properly?",
    label: 'complex',
  },
  // ---------------------------------------------------------------- writing
  {
    turns: [
      { role: 'user', content: "Write a cover letter for a junior data analyst position at a logistics company. I have a stats degree and an internship doing Excel/SQL reporting." },
      { role: 'assistant', content: "Dear Hiring Manager,\n\nI am writing to express my interest in the Junior Data Analyst position at [Company]. [...] I would welcome the opportunity to discuss how my background could support your team.\n\nSincerely,\n[Name]" },
    ],
    message: "make it less stiff and cut it to about 200 words",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "write a short story about a lighthouse keeper who finds a message in a bottle" },
      { role: 'assistant', content: "Tom had kept the Carrow Point light for twenty-two winters [...] He folded the letter back into the bottle and, for the first time in years, lit the lamp an hour early." },
    ],
    message: "change his name from Tom to Elias everywhere",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Write a Shakespearean sonnet about autumn." },
      { role: 'assistant', content: "When amber light lies low on stubbled field\nAnd maples burn their ledgers into flame, [...]\nSo let the year grow old, and I the same:\nWhat falls in gold was never spent in shame." },
    ],
    message: "beautiful. now translate it into French as a real sonnet — alexandrines, keep a proper rhyme scheme, don't just give me a literal prose version",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Draft an email asking my landlord to fix the heating, it's been broken 5 days" },
      { role: 'assistant', content: "Subject: Heating not working since [date] — urgent repair request\n\nHi [Landlord],\n\nThe heating in my flat has not been working for five days [...] Please let me know when a repair can be scheduled.\n\nBest regards,\n[Name]" },
    ],
    message: "perfect, thank you!!",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Help me brainstorm titles for a blog post about the downsides of remote work nobody talks about." },
      { role: 'assistant', content: "1. The Quiet Costs of Working From Home\n2. Remote Work's Hidden Invoice\n3. Nobody Warned Me About the Silence\n4. The Commute I Didn't Know I Needed\n5. Home Alone: What Remote Work Takes From Us" },
    ],
    message: "which one do you like best?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Write the first chapter of a mystery novella set in 1920s Lisbon. Narrator is a female customs clerk." },
      { role: 'assistant', content: "Chapter One: The Crate from Luanda\n\nThe crate had no smell, and that was the first thing wrong with it. [...] By the time I reached the Rua dos Fanqueiros, I was certain someone had followed me from the docks." },
    ],
    message: "go on, chapter 2",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Write a villanelle about grief." },
      { role: 'assistant', content: "The kettle still expects you every day;\nI set out two cups from habit, then one. [...]\nI set out two cups from habit, then one,\nThe kettle still expects you every day." },
    ],
    message: "it's good, but your refrains drift — lines 6, 12 and 18 don't repeat line 1 exactly, line 3's refrain gets altered too, and the meter slips in stanza 4. fix all that without losing the kettle/cups imagery",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "here's my report outline, fix the grammar: 1. introduction and backround 2. the methods we used 3. results of the survey 4. discusion and limitations 5. conclusion" },
      { role: 'assistant', content: "1. Introduction and background\n2. The methods we used\n3. Results of the survey\n4. Discussion and limitations\n5. Conclusion" },
    ],
    message: "make all of them title case",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "I need a wedding toast for my brother Mark, 2-3 minutes, funny but heartfelt." },
      { role: 'assistant', content: "Good evening everyone. For those who don't know me, I'm Sam, Mark's younger brother and, for the record, the better-looking one. [...] So please raise your glasses: to Mark and Priya." },
    ],
    message: "can you work in the story of when we got lost camping in 2009 and he got us out by following the river? it should set up the ending about him always finding the way",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Write a short free-verse poem about a river in winter." },
      { role: 'assistant', content: "The river keeps its counsel under ice,\na dark thought moving slow beneath a white face. [...]" },
    ],
    message: "now rewrite it as an acrostic spelling MARGARET, in iambic tetrameter with an ABAB rhyme scheme, still about the river under ice",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "write a limerick about a cat who hates Mondays" },
      { role: 'assistant', content: "A tabby named Tom from Dundee\nWould hiss when the clock struck at three\nOn a Monday, you see,\nHe'd climb up a tree,\nAnd declare it a feline decree." },
    ],
    message: "lol. now translate it into German so that it's still a real limerick (AABBA, bouncy anapestic rhythm) and still funny",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "write a haiku about morning coffee" },
      { role: 'assistant', content: "Steam curls from the cup—\nthe dark pool holds the window\nand one waking bird." },
    ],
    message: "nice! write three more, one for each of the other seasons",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Write me a cover letter for a UX researcher role at a fintech startup." },
      { role: 'assistant', content: "Dear [Name],\n\nWhen I watched a 70-year-old user give up on a banking app at the third screen, I understood what my job really was. [...] I'd love to bring that curiosity to [Company].\n\nBest,\n[Name]" },
      { role: 'user', content: "good, mention that I ran 40+ usability sessions at my last job" },
      { role: 'assistant', content: "Added to the second paragraph: \"At Helio I planned and ran more than 40 moderated usability sessions, turning findings into [...]\"" },
    ],
    message: "now turn the whole thing into a punchy 4-bullet 'summary' section for the top of my resume",
    label: 'moderate',
  },
  // ---------------------------------------------------------------- translation
  {
    turns: [
      { role: 'user', content: "how do you say good morning in japanese" },
      { role: 'assistant', content: "おはようございます (ohayō gozaimasu), or just おはよう with friends." },
    ],
    message: "and good night?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Translate into German: 'Hi! Thanks for your order. Your package ships tomorrow. If you have questions, just reply to this email.'" },
      { role: 'assistant', content: "Hallo! Danke für deine Bestellung. Dein Paket wird morgen verschickt. Wenn du Fragen hast, antworte einfach auf diese E-Mail." },
    ],
    message: "make it formal, Sie instead of du",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Translate this NDA clause into Spanish: 'The Receiving Party shall hold the Confidential Information in strict confidence and shall not disclose it to any third party without prior written consent, except as required by law.'" },
      { role: 'assistant', content: "La Parte Receptora mantendrá la Información Confidencial en estricta confidencialidad y no la divulgará a ningún tercero sin el consentimiento previo por escrito, salvo cuando así lo exija la ley." },
    ],
    message: "this goes into a contract that has to be enforceable in Mexico. the rest of the NDA uses US concepts like 'injunctive relief' and 'consequential damages'. go through those terms, give the Mexican civil/commercial law equivalents rather than literal translations, and flag where there's no real equivalent and what that means for enforcement",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "I'm opening an Etsy shop for handmade ceramics and want to sell to Italy too" },
      { role: 'assistant', content: "Great idea — Italy has a strong market for handmade goods. You'll want Italian listings, clear shipping costs, and to check EU VAT rules (Etsy collects VAT on EU orders for you)." },
    ],
    message: "translate this product description into italian: 'Hand-thrown stoneware mug with a speckled oatmeal glaze. Holds about 350 ml. Each piece is unique, so small variations in color and shape are part of its charm. Dishwasher and microwave safe, but hand washing will keep it beautiful longer.'",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "What does the Li Bai poem 静夜思 mean?" },
      { role: 'assistant', content: "'Quiet Night Thoughts': moonlight on the floor before the bed looks like frost; the poet raises his head to look at the moon, then lowers it and thinks of home. It's about homesickness, built on the parallel between raising and lowering the head." },
    ],
    message: "translate it into English as rhymed verse — four lines of roughly equal length, keep the parallelism between lines 3 and 4, and don't add imagery that isn't in the original",
    label: 'complex',
  },
  // ---------------------------------------------------------------- summarisation
  {
    turns: [
      { role: 'user', content: "Summarize this article: [~1,500-word article on the decline of insect populations in Europe, its causes and proposed policy responses]" },
      { role: 'assistant', content: "The article reports that flying insect biomass in some German reserves fell over 75% in 27 years. Likely causes are habitat loss, pesticides (especially neonicotinoids), light pollution and climate change. [...] It argues for pesticide limits, wildflower margins on farms, and long-term monitoring." },
    ],
    message: "shorter. 3 bullets max",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Summarize this meeting transcript and list action items: [transcript of a 45-minute product sync]" },
      { role: 'assistant', content: "Summary: the team agreed to delay the billing redesign to Q3 and prioritise the onboarding fixes. Action items: Ana — draft onboarding spec by Friday; Raj — get legal sign-off on new terms by the 14th; Lee — prepare the Q3 roadmap slide by next sync." },
    ],
    message: "put the action items in a table with owner / task / deadline columns",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Design an event-driven architecture for our order processing: checkout, payment, inventory, shipping, notifications. ~5k orders/min at peak, no lost or double-charged orders." },
      { role: 'assistant', content: "Use Kafka as the backbone with an orders topic partitioned by order_id. Checkout writes the order and an OrderPlaced event atomically via a transactional outbox. Payment consumes it and calls the PSP with the order_id as idempotency key [...] A saga orchestrator tracks each order's state and issues compensations (release stock, refund) on failure. [...]" },
      { role: 'user', content: "how do we handle the PSP timing out?" },
      { role: 'assistant', content: "Treat a timeout as 'unknown', not failure: retry with the same idempotency key, and if it keeps timing out, query the PSP's status endpoint before deciding. Never issue a new charge with a new key." },
    ],
    message: "great. summarize the whole design in 5 bullets I can paste into a slide for my manager",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Compare AWS, GCP and Azure for a small ML startup: GPU availability, pricing, managed ML tooling, credits." },
      { role: 'assistant', content: "AWS: widest GPU range but availability can be tight; SageMaker is powerful but complex; Activate credits up to $100k. GCP: good TPU access, Vertex AI is simpler; startup credits up to $200k for AI startups. Azure: strong if you want OpenAI models; Founders Hub credits up to $150k. [...]" },
    ],
    message: "put that in a table",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Prove that the set of real numbers is uncountable." },
      { role: 'assistant', content: "Step 1: it suffices to show (0,1) is uncountable. Step 2: suppose f: ℕ → (0,1) is a bijection, and write the decimal expansions f(n) = 0.d_n1 d_n2 [...] Step 5: by Lemma 2, x differs from every f(n) in the nth digit, and since x avoids the digits 0 and 9 it has a unique expansion, so x ≠ f(n) for all n. Contradiction." },
    ],
    message: "in step 5 you wrote Lemma 2 but the uniqueness-of-expansion lemma is Lemma 3 in your own numbering. fix that",
    label: 'simple',
  },
  // ---------------------------------------------------------------- business
  {
    turns: [
      { role: 'user', content: "what's EBITDA" },
      { role: 'assistant', content: "Earnings Before Interest, Taxes, Depreciation and Amortization — a rough measure of operating profitability that ignores financing, tax and non-cash accounting charges." },
    ],
    message: "and how is that different from operating income?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "We're a B2B SaaS at $4M ARR, 110% net revenue retention, seat-based pricing. Should we move to usage-based pricing?" },
      { role: 'assistant', content: "Usage-based pricing tends to help when value scales with usage and customers resist seat counts; it can raise NRR but makes revenue less predictable and complicates sales comp. [...] Key risks: heavy users facing big price increases, and revenue volatility hurting your next raise." },
    ],
    message: "model the revenue impact over 8 quarters under 3 adoption scenarios, including churn among the customers who'd end up paying more, then propose a sales comp plan that stays consistent with the model (no rewarding reps for deals that churn)",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "What's a SWOT analysis?" },
      { role: 'assistant', content: "A planning tool listing Strengths and Weaknesses (internal) and Opportunities and Threats (external) for a business or project." },
    ],
    message: "do one for a small bakery opening next to a university campus",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "what's a cap table" },
      { role: 'assistant', content: "A capitalization table: a list of who owns what in a company — founders, investors, option pool — showing shares and percentages, usually on a fully diluted basis." },
    ],
    message: "ok ours: founders 8M shares, pool 1M. SAFE 1: $1.5M post-money, $10M cap. SAFE 2: $500k post-money, $8M cap, 20% discount. Now a Series A: $6M at $24M pre-money, and the investors want the pool topped up to 10% post-money, pre-money. compute the fully diluted cap table after the round, every step shown",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Here are my monthly expenses: rent 1400, groceries 600, eating out 350, car 480, subscriptions 95, utilities 160, gym 60, misc 300. Take-home is 4100." },
      { role: 'assistant', content: "That's $3,445 in spending, leaving about $655. Biggest flexible items are eating out, misc and groceries; subscriptions and gym are worth a quick audit." },
    ],
    message: "make me a budget that saves 500 a month on top of what I save now",
    label: 'moderate',
  },
  // ---------------------------------------------------------------- law
  {
    turns: [
      { role: 'user', content: "statute of limitations for breach of a written contract in California?" },
      { role: 'assistant', content: "Four years (Code of Civil Procedure § 337)." },
    ],
    message: "and oral?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "We're a German company selling SaaS to US hospitals. What do we need for HIPAA and GDPR at the same time?" },
      { role: 'assistant', content: "For HIPAA you'll be a business associate: sign BAAs with each covered entity, implement the Security Rule safeguards, and flow BAAs down to subcontractors. GDPR applies to you as an EU establishment regardless of where data subjects are [...]" },
    ],
    message: "complication: our EU sub-processor stores backups in the US. walk me through whether SCCs plus the EU-US Data Privacy Framework cover that, how it interacts with the BAA chain on the HIPAA side, and what we'd have to change if the DPF gets struck down like Privacy Shield",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "difference between an LLC and an S-corp?" },
      { role: 'assistant', content: "An LLC is a legal entity type; an S-corp is a tax election. An LLC can elect S-corp taxation. The main practical difference is that an S-corp pays you a reasonable salary plus distributions, which can reduce self-employment tax, but adds payroll overhead." },
    ],
    message: "which makes more sense for a freelance designer making about 60k a year?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "what's a non-compete clause" },
      { role: 'assistant', content: "A contract term that stops an employee from working for competitors, or starting a competing business, for some period and area after leaving." },
    ],
    message: "are those enforceable in California?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "What is adverse possession?" },
      { role: 'assistant', content: "A doctrine letting someone who openly occupies another's land, without permission, for a long enough period acquire title to it. The rules and periods vary a lot by jurisdiction." },
    ],
    message: "facts: England, registered land. neighbour fenced off a 3m strip of my garden in 2004. my mother owned the house then but was under a court-appointed deputyship from 2008 to 2011. I inherited in 2012. the neighbour sold to a new owner in 2016, who now says the strip is theirs. who owns it, which regime applies (LRA 2002 vs the old 12-year rule), and what should I do?",
    label: 'complex',
  },
  // ---------------------------------------------------------------- health
  {
    turns: [
      { role: 'user', content: "how much water should i drink a day" },
      { role: 'assistant', content: "Roughly 2–3 litres of total fluids for most adults, more if it's hot or you exercise. Thirst and pale-yellow urine are decent guides." },
    ],
    message: "ok",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "My father takes warfarin and amiodarone and was just prescribed clarithromycin for a chest infection. Is that ok?" },
      { role: 'assistant', content: "That combination needs caution: both amiodarone and clarithromycin can raise warfarin's effect (bleeding risk), and both prolong the QT interval. Please make sure the prescriber and pharmacist know all three; an alternative antibiotic may be preferable." },
    ],
    message: "his INR was 2.8 last week, he's 78, eGFR 40, and his last ECG showed a QTc of 470. explain mechanistically what each interaction does, and what monitoring the doctor should be doing over the next two weeks, so I know what to ask for",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Make me a 4-week beginner running plan, 4 runs per week, goal is to run 5k without stopping." },
      { role: 'assistant', content: "Week 1: 4× (run 1 min / walk 2 min × 8). Week 2: run 2 / walk 2 × 7 [...] Week 4: two 20-minute continuous runs and a 5k attempt on day 4." },
    ],
    message: "I can only do 3 days a week, not 4. adjust it so I still get to 5k in 4 weeks if that's realistic",
    label: 'moderate',
  },
  // ---------------------------------------------------------------- education
  {
    turns: [
      { role: 'user', content: "Explain photosynthesis for 7th graders." },
      { role: 'assistant', content: "Plants make their own food using sunlight. In their leaves, chlorophyll captures light energy and uses it to turn carbon dioxide from the air and water from the soil into glucose (sugar), releasing oxygen as a by-product. [...]" },
    ],
    message: "make 5 multiple choice quiz questions from that, with answers",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "plan my study week for my calc 1 final next monday. topics: limits, derivatives, related rates, optimization, integrals" },
      { role: 'assistant', content: "Mon: limits review + 20 problems. Tue: derivative rules. Wed: related rates. Thu: optimization. Fri: integrals + FTC. Sat: full practice exam. Sun: review mistakes, light revision." },
    ],
    message: "swap wednesday and thursday, i have a lab on wednesday and optimization is shorter",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Design a one-semester intro to machine learning course for undergrads with no linear algebra." },
      { role: 'assistant', content: "14 weeks: 1) what is ML; 2) data and features; 3) linear regression (intuition); 4) gradient descent; 5) classification and logistic regression; 6) evaluation [...] 13) neural networks; 14) ethics and review. Math is introduced visually when needed." },
      { role: 'user', content: "what should the grading be?" },
      { role: 'assistant', content: "Weekly problem sets 30%, two projects 30%, midterm 15%, final 25% — or replace the final with a capstone project if the class is small." },
    ],
    message: "go with the capstone. now redo the syllabus so every week's mini-project builds toward one capstone, each week teaches exactly the math that week's project needs (vectors before regression, etc.), and give a rubric for each milestone",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "How do I teach fractions to my 8 year old? He gets frustrated quickly." },
      { role: 'assistant', content: "Keep it concrete and short: use physical objects before symbols, 10-minute sessions, and start with halves and quarters before moving on. Celebrate small wins. [...]" },
    ],
    message: "give me 3 hands-on activities using pizza or food",
    label: 'moderate',
  },
  // ---------------------------------------------------------------- cooking
  {
    turns: [
      { role: 'user', content: "how long do i boil an egg for a runny yolk" },
      { role: 'assistant', content: "About 6 minutes from boiling water for a large egg, then straight into cold water." },
    ],
    message: "and hard boiled?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Give me a classic lasagna recipe for 6." },
      { role: 'assistant', content: "Ragù: 500 g beef mince, 1 onion, 2 carrots, 1 celery stick, 700 g passata [...] Béchamel: 60 g butter, 60 g flour, 700 ml milk, nutmeg. Layer sheets, ragù, béchamel and parmesan; bake 40 min at 180 °C." },
    ],
    message: "make it vegetarian but keep it hearty, my brother-in-law complains when there's no 'meat texture'",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "I'm hosting dinner for 12: two vegans, one coeliac, one tree-nut allergy. Plan a 4-course menu where everyone can eat every course." },
      { role: 'assistant', content: "Starter: roasted beetroot and orange salad with toasted pumpkin seeds. Soup: spiced carrot and red lentil. Main: mushroom and chestnut... — no, swap chestnut for butter beans to be safe — mushroom, butter bean and thyme stew with polenta. Dessert: dark chocolate and coconut mousse (check chocolate labels for nut traces). [...]" },
    ],
    message: "thank you! totally unrelated, what's the capital of Mongolia",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "what can i make with chicken thighs, rice, spinach and a lemon" },
      { role: 'assistant', content: "1. Lemon chicken and spinach rice bowls\n2. One-pot Greek-style lemon chicken and rice with spinach stirred in\n3. Chicken and spinach risotto-style rice\n4. Stir-fried chicken with garlicky spinach over rice" },
    ],
    message: "full recipe for #2 please, for 3 people",
    label: 'moderate',
  },
  // ---------------------------------------------------------------- travel
  {
    turns: [
      { role: 'user', content: "plan a 5 day trip to japan, first time, flying into tokyo" },
      { role: 'assistant', content: "Day 1: Tokyo — Asakusa, Senso-ji, Skytree. Day 2: Shibuya, Harajuku, Meiji Shrine. Day 3: Shinkansen to Kyoto, Fushimi Inari, Gion at dusk. Day 4: Arashiyama, Kinkaku-ji. Day 5: back to Tokyo, Tsukiji outer market, fly home." },
    ],
    message: "add a half day in Nara without dropping anything important from Kyoto",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Do I need a visa for Thailand as a Canadian tourist?" },
      { role: 'assistant', content: "No — Canadians can enter visa-exempt for tourism for a limited stay (recently 60 days). Your passport should be valid for at least 6 months. Rules change, so check the Thai embassy site before you go." },
    ],
    message: "cool thx",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Plan a 3-week overland trip from Istanbul to Tbilisi for two people." },
      { role: 'assistant', content: "Istanbul (3 nights) → overnight bus to Cappadocia (3) → Kayseri–Kars on the Doğu Express (2) → Trabzon and Sumela (3) → Batumi (3) → Kutaisi (2) → Tbilisi (4). [...]" },
      { role: 'user', content: "what would that roughly cost?" },
      { role: 'assistant', content: "Mid-range, around €2,800–3,500 for two excluding flights: about €60–80/night for rooms, €40–60/day for food, plus transport. [...]" },
    ],
    message: "new constraints: total budget 1,200€ for both of us INCLUDING flights from Berlin and back, my partner uses a wheelchair, and we have to be in Kars on the 14th for a wedding (trip starts on the 3rd). redo the whole thing",
    label: 'complex',
  },
  // ---------------------------------------------------------------- personal advice
  {
    turns: [
      { role: 'user', content: "My friend keeps cancelling plans last minute, like 4 times in a row. I'm annoyed but don't want to lose her. how do I bring it up?" },
      { role: 'assistant', content: "Talk about the pattern and how it affects you rather than accusing her: something like 'I've noticed our plans keep falling through and I miss you — is something going on?' Give her room to explain; she may be dealing with something." },
    ],
    message: "can you write the text message for me? casual, not passive aggressive",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "I have a job interview tomorrow and I'm freaking out" },
      { role: 'assistant', content: "That's completely normal. Prepare three stories that show your strengths, reread the job description, lay out your clothes tonight, and get some sleep. Nerves usually fade after the first few minutes." },
    ],
    message: "thank you, feeling a bit better now",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Should I take the job with higher pay or the one that's fully remote?" },
      { role: 'assistant', content: "It depends on what the extra pay is really worth after costs (commute, rent, time), how much you value flexibility, and growth at each company. Can you give me the numbers?" },
    ],
    message: "higher pay: 95k in Manhattan, I'd have to move there. remote: 80k and I stay in Columbus Ohio where my rent is 1100. which one?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "how does a roth ira work" },
      { role: 'assistant', content: "You contribute after-tax money (up to the annual limit), it grows tax-free, and qualified withdrawals in retirement are tax-free too. Contributions (not earnings) can be withdrawn any time without penalty." },
    ],
    message: "I'm 28, make 70k, have 15k of credit card debt at 24% and no emergency fund. should i max out a roth this year? give me a plan for the next 2 years",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "I'm a teacher and thinking about switching to software engineering. Is that realistic?" },
      { role: 'assistant', content: "Yes, many people make that switch, and teaching skills (explaining, structuring, patience) transfer well. Common routes: a bootcamp, self-study plus portfolio, or a teaching-adjacent tech role like edtech or developer education. [...]" },
    ],
    message: "ok, my situation: 34, two kids, I can study about 10h/week, 20k in savings, and I can't drop my teaching income until I have an offer. give me an 18-month plan with phases and milestones, decision points where I'd change course, and how the outcome of each phase changes what I do in the next",
    label: 'complex',
  },
  // ---------------------------------------------------------------- chit-chat
  {
    turns: [
      { role: 'user', content: "hey how's it going" },
      { role: 'assistant', content: "Going well, thanks! What's up?" },
    ],
    message: "nm just bored. what's your favorite movie",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "tell me a joke" },
      { role: 'assistant', content: "Why don't skeletons fight each other? They don't have the guts." },
    ],
    message: "lmao another",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "hi!" },
      { role: 'assistant', content: "Hi! How can I help you today?" },
    ],
    message: "I need a consensus protocol for 7 nodes that tolerates 2 Byzantine nodes under partial synchrony. give me the protocol and prove safety and liveness",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "good morning :)" },
      { role: 'assistant', content: "Good morning! ☀️ What can I do for you?" },
    ],
    message: "can you explain how vaccines actually train the immune system? my kid asked and I realised I don't know",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "pineapple on pizza, yes or no" },
      { role: 'assistant', content: "Controversial, but yes — the sweet-acid pineapple with salty ham works for the same reason prosciutto and melon does." },
    ],
    message: "haha fair. ok what's a good name for a grey kitten",
    label: 'simple',
  },
  // ---------------------------------------------------------------- games
  {
    turns: [
      { role: 'user', content: "best chess opening for beginners?" },
      { role: 'assistant', content: "The Italian Game (1.e4 e5 2.Nf3 Nc6 3.Bc4) is a great choice." },
    ],
    message: "why?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "let's play 20 questions, I'm thinking of something" },
      { role: 'assistant', content: "Fun! Question 1: is it alive?" },
    ],
    message: "yes",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "In Catan, what's the chance of rolling at least one 8 in 5 turns?" },
      { role: 'assistant', content: "P(8) = 5/36 per roll, so 1 − (31/36)^5 ≈ 0.53." },
    ],
    message: "ok here's our board: [19 hexes listed with resource and number token, plus the 9 ports]. build an expected-income model for every possible starting intersection, then tell me the best pair of starting settlements for the first player in snake draft, accounting for what opponents will likely take, robber risk on 6s and 8s, and port access",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "make me a D&D 5e one-shot for 4 level 3 players, spooky vibes" },
      { role: 'assistant', content: "'The Bells of Hollowmere': the party is hired to find out why a drowned village's church bells ring at night. Act 1: arriving by boat [...] Act 3: the bell tower, where the drowned priest awaits." },
    ],
    message: "flesh out the final boss encounter: statblock for the drowned priest, the room layout, and lair actions",
    label: 'moderate',
  },
  // ---------------------------------------------------------------- other languages
  {
    turns: [
      { role: 'user', content: "¿Cuál es la capital de Perú?" },
      { role: 'assistant', content: "Lima." },
    ],
    message: "¿y la de Bolivia?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Escribe una función en Python que cuente las vocales de un texto." },
      { role: 'assistant', content: "def contar_vocales(texto):\n    return sum(1 for c in texto.lower() if c in 'aeiou')" },
    ],
    message: "ahora haz que también cuente las vocales con acento (á, é, ü...) como si fueran normales, y que devuelva cuántas hay de cada una",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Explique-moi la différence entre le passé composé et l'imparfait." },
      { role: 'assistant', content: "Le passé composé exprime une action ponctuelle et terminée (« Hier, j'ai mangé une pomme »), l'imparfait une action habituelle, en cours ou un décor (« Quand j'étais petit, je mangeais des pommes »). [...]" },
    ],
    message: "super clair, merci beaucoup !",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Démontre que la série harmonique diverge." },
      { role: 'assistant', content: "On regroupe les termes : 1 + 1/2 + (1/3 + 1/4) + (1/5 + … + 1/8) + … Chaque groupe est ≥ 1/2, donc les sommes partielles dépassent 1 + n/2 et tendent vers l'infini." },
    ],
    message: "Et maintenant, démontre que la somme des inverses des nombres premiers diverge aussi.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Schreib mir eine E-Mail an meinen Chef, dass ich nächste Woche von Mittwoch bis Freitag Urlaub nehmen möchte." },
      { role: 'assistant', content: "Betreff: Urlaubsantrag 12.–14. Juni\n\nSehr geehrter Herr Becker,\n\nhiermit möchte ich Sie um Urlaub von Mittwoch, dem 12. Juni, bis einschließlich Freitag, dem 14. Juni, bitten. [...]\n\nMit freundlichen Grüßen\nAnna Schulz" },
    ],
    message: "Kannst du sie etwas kürzer und lockerer machen? Wir duzen uns eigentlich im Team.",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Wir planen eine Event-Sourcing-Architektur für ein Kontoführungssystem. Wie fangen wir an?" },
      { role: 'assistant', content: "Jedes Konto ist ein Aggregat; Buchungen werden als Events (KontoEröffnet, BetragEingezahlt, BetragAbgebucht) in einem Event Store gespeichert. Lesemodelle (z. B. Kontostand) werden als Projektionen aufgebaut. [...]" },
    ],
    message: "Wie stellen wir sicher, dass zwei gleichzeitige Abbuchungen das Konto nicht überziehen, wenn die Projektionen nur eventual consistent sind und das System aktiv-aktiv über drei Regionen läuft? Bitte mit konkretem Ablauf und den Fehlerfällen.",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "Quantos quilômetros tem uma milha?" },
      { role: 'assistant', content: "Uma milha terrestre tem cerca de 1,609 km." },
    ],
    message: "e 10 milhas?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Me explica como funciona a taxa Selic?" },
      { role: 'assistant', content: "A Selic é a taxa básica de juros da economia brasileira, definida pelo Copom a cada 45 dias. Ela serve de referência para as outras taxas e é o principal instrumento do Banco Central para controlar a inflação. [...]" },
    ],
    message: "e como ela afeta quem está pensando em financiar um apartamento agora?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Как по-английски «спасибо»?" },
      { role: 'assistant', content: "Thank you (или просто thanks)." },
    ],
    message: "а «пожалуйста»?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Напиши алгоритм поиска кратчайшего пути в графе." },
      { role: 'assistant', content: "Алгоритм Дейкстры: храним расстояния, берём из приоритетной очереди вершину с минимальным расстоянием и релаксируем её рёбра. [...] Сложность O((V + E) log V). Работает только для неотрицательных весов." },
    ],
    message: "а теперь пусть веса могут быть отрицательными и путь должен содержать не больше k рёбер. дай алгоритм, докажи его корректность и оцени сложность",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "帮我写一首关于春天的短诗" },
      { role: 'assistant', content: "春风拂过柳梢头，\n细雨轻敲燕子楼。\n一夜桃花开满树，\n小溪笑着向东流。" },
    ],
    message: "写得真好，谢谢！",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "什么是机器学习中的过拟合？" },
      { role: 'assistant', content: "过拟合是指模型在训练数据上表现很好，但在新数据上表现差——它把训练数据中的噪声也当成了规律来学习。" },
    ],
    message: "那怎么避免呢？",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "東京から大阪まで新幹線で何時間かかりますか？" },
      { role: 'assistant', content: "のぞみで約2時間30分です。" },
    ],
    message: "料金はいくらぐらいですか？",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "分散システムにおける exactly-once 配信について説明してください。" },
      { role: 'assistant', content: "ネットワーク越しの「ちょうど一回」の配信は一般には不可能で、実際には at-least-once 配信と冪等な処理を組み合わせて「効果として一回」を実現します。Kafka ではプロデューサーの冪等性とトランザクションにより、Kafka 内部での読み取り・処理・書き込みを exactly-once にできます。[...]" },
    ],
    message: "では、Kafka のトランザクションを使いつつ外部の決済 API（冪等キー対応）を呼ぶ処理で、二重決済も決済漏れも起きない設計を、障害ケース（コミット前のクラッシュ、API タイムアウト、リバランスなど）ごとに具体的に示してください。",
    label: 'complex',
  },
  // ---------------------------------------------------------------- mixed follow-ups
  {
    turns: [
      { role: 'user', content: "What year did WWII end?" },
      { role: 'assistant', content: "1945." },
      { role: 'user', content: "who was US president then" },
      { role: 'assistant', content: "Franklin D. Roosevelt until his death in April 1945, then Harry S. Truman." },
    ],
    message: "and the UK prime minister?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Design a payment processing system for a marketplace: split payments to sellers, refunds, chargebacks, and reconciliation with two PSPs." },
      { role: 'assistant', content: "Core is a double-entry ledger: every money movement is a balanced set of entries across accounts (buyer, platform, seller payable, PSP clearing). [...] Reconciliation jobs match PSP settlement files against clearing accounts daily and raise breaks." },
      { role: 'user', content: "how do chargebacks flow through the ledger?" },
      { role: 'assistant', content: "A chargeback debits PSP clearing and credits a disputes account; if the seller's balance allows, you move the amount from seller payable to disputes, otherwise it becomes a seller receivable. [...]" },
    ],
    message: "this is amazing, exactly what I needed. you saved my week 🙏",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "plan a 10th birthday party for my daughter, 12 kids, at home, 3 hours" },
      { role: 'assistant', content: "Arrival and craft station (30 min), outdoor games (45 min), pizza and cake (45 min), a treasure hunt (45 min), goodie bags and pick-up (15 min). [...]" },
    ],
    message: "she wants a science theme now. redo it with experiments that are safe for 10 year olds",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "We're organising a 3-day tech conference for 400 attendees: 2 tracks, 30 talks, a sponsor hall, budget 180k€." },
      { role: 'assistant', content: "Budget split: venue and AV 45%, catering 30%, speakers' travel 10%, marketing 5%, contingency 10%. Tickets: early bird 290€, regular 390€. Sponsorship tiers: Gold 15k€ (booth + keynote slot) [...] Schedule: keynotes each morning, tracks after [...]" },
    ],
    message: "bad news x3: our opening keynote cancelled, the venue can now only hold 300, and the budget got cut 20%. rework the whole plan — schedule, ticket pricing, sponsor tiers (Gold was promised a keynote slot), and catering — so that it's all consistent again and we don't lose money",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "2+2" },
      { role: 'assistant', content: "4" },
    ],
    message: "ok now something real: python script that watches a folder and uploads any new image to an S3 bucket, skipping files that are still being written",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Write a polite email declining a meeting invite because I'm on leave." },
      { role: 'assistant', content: "Hi Jordan,\n\nThanks for the invite. Unfortunately I'll be on leave that week, so I won't be able to attend. Could you share the notes afterwards? [...]\n\nBest,\nAlex" },
    ],
    message: "thanks. different question: prove the halting problem is undecidable, then use a reduction from it to show that deciding whether a Turing machine's language is empty is undecidable too",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "My professor wants the bibliography in APA 7th edition. I've only ever used Vancouver." },
      { role: 'assistant', content: "No problem — APA lists authors as Surname, Initials., then (Year), title in sentence case, journal in italics with volume, issue and pages, and a DOI if there is one. Send me your list and I'll convert it." },
    ],
    message: `here they are:
1. Smith J, Doe A. Sleep quality and exam performance in undergraduates. J Educ Psychol. 2019;111(3):445-57.
2. Nguyen T, Patel R, Okafor C. Caffeine intake and reaction time: a randomized trial. Nutrients. 2021;13(8):2765.
3. García M. Screen time before bed. Sleep Med Rev. 2017;34:1-10.
4. Brown K, Lee S. Napping and memory consolidation. Neurobiol Learn Mem. 2020;171:107204.`,
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "What's the core idea of Stoicism?" },
      { role: 'assistant', content: "Distinguish what is in your control (your judgments, intentions, actions) from what isn't (other people, outcomes, fortune), and put your energy and your sense of wellbeing only in the first. [...]" },
      { role: 'user', content: "but isn't that just giving up on caring about things?" },
      { role: 'assistant', content: "Stoics would say no: you still act fully — Marcus Aurelius ran an empire — but you judge yourself on the quality of your effort and character rather than results you can't guarantee." },
    ],
    message: "interesting, I'll chew on that",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Who wrote Pride and Prejudice?" },
      { role: 'assistant', content: "Jane Austen." },
    ],
    message: "when was it published",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "Explain how HTTPS works." },
      { role: 'assistant', content: "Your browser and the server do a TLS handshake: they agree on a cipher, the server presents a certificate signed by a trusted CA, the server proves it owns the certificate's private key, and both derive shared session keys used to encrypt the rest of the traffic. [...]" },
    ],
    message: "what do you mean by 'the server proves it owns the private key'? how does it prove that exactly without sending it?",
    label: 'moderate',
  },
  {
    turns: [
      { role: 'user', content: "Sketch the proof of Gödel's first incompleteness theorem." },
      { role: 'assistant', content: "1) Arithmetize syntax: formulas and proofs get numbers, and 'x codes a proof of y' is expressible in the theory. 2) Diagonal lemma: for any formula φ(x) there's a sentence G with T ⊢ G ↔ φ(⌜G⌝). 3) Apply it to ¬Prov(x) to get G saying 'I am not provable'. 4) If T is consistent, T ⊬ G; if ω-consistent, T ⊬ ¬G." },
    ],
    message: "I don't get step 2 at all. how do you actually construct a sentence that refers to its own code without it being circular? walk me through the construction",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "k8s ingress vs service, what's the diff" },
      { role: 'assistant', content: "A Service gives a stable virtual IP/DNS name for a set of pods (L4). An Ingress is an L7 HTTP routing rule (hosts, paths, TLS) that an ingress controller implements, routing external traffic to Services." },
    ],
    message: "nginx or traefik",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "capital of italy?" },
      { role: 'assistant', content: "Rome." },
      { role: 'user', content: "population" },
      { role: 'assistant', content: "About 2.8 million in the city proper, around 4.3 million in the metro area." },
      { role: 'user', content: "currency" },
      { role: 'assistant', content: "The euro (€)." },
    ],
    message: "timezone?",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "What's a Merkle tree?" },
      { role: 'assistant', content: "A tree of hashes: leaves hash data blocks, each parent hashes its children, so the root hash commits to all the data. Two parties can compare roots and descend only into subtrees whose hashes differ." },
    ],
    message: "design an anti-entropy sync protocol for two replicas with 100M keys over a slow, high-latency link using that idea. minimise round trips, and analyse bandwidth and round trips as a function of the number of differing keys d",
    label: 'complex',
  },
  {
    turns: [
      { role: 'user', content: "give me 8 name ideas for a productivity app for students" },
      { role: 'assistant', content: "1. StudyFlow\n2. Cramless\n3. FocusNest\n4. Syllabuddy\n5. DeadlineDojo\n6. BrightBlocks\n7. QuietHour\n8. Notewise" },
    ],
    message: "make them all uppercase",
    label: 'simple',
  },
  {
    turns: [
      { role: 'user', content: "What's a CRDT?" },
      { role: 'assistant', content: "A Conflict-free Replicated Data Type: a data structure that replicas can update independently and merge in any order, always converging to the same state. Examples: G-Counter, OR-Set, RGA for sequences." },
      { role: 'user', content: "so google docs uses them?" },
      { role: 'assistant', content: "Google Docs actually uses Operational Transformation with a central server. CRDTs are used by tools like Figma (partly), Automerge and Yjs." },
    ],
    message: "ok, design a CRDT for collaborative rich text where users can concurrently apply bold/italic to overlapping ranges while others insert and delete inside those ranges. define the operations and merge rules and prove convergence",
    label: 'complex',
  },
];
