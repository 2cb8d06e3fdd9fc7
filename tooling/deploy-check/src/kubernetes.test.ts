// The Kubernetes manifests, checked without a cluster: every overlay renders with
// `kubectl kustomize`, every object is valid against the Kubernetes schemas, and the properties
// that keep a deployment safe hold in each overlay — probes, non-root, read-only root file
// system, requests and limits, drain times, disruption budgets, network policies, the Ingress's
// streaming settings, and settings the apps themselves accept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@switchyard/stack';
import { describe, expect, it } from 'vitest';
import { parseEnv as parseApiEnv } from '../../../apps/api/src/env';
import { parseEnv as parseWorkerEnv } from '../../../apps/worker/src/env';
import { bytesOf, envValue, find, overlays, render, validateAgainstSchema, workloads, type Container, type K8sObject } from './manifests';

const APPS = ['switchyard-api', 'switchyard-worker', 'switchyard-web'] as const;

/** The uid the Dockerfile gives the apps' user. */
const dockerfileUid = Number(/useradd [^\n]*--uid (\d+)/.exec(readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'))?.[1]);

const appContainer = (objects: K8sObject[], name: string): Container => {
  const workload = workloads(objects).find(({ object }) => object.metadata.name === name);
  if (!workload) throw new Error(`no workload ${name}`);
  return workload.pod.containers[0]!;
};

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  selector !== undefined && Object.entries(selector).every(([key, value]) => labels?.[key] === value);

/** The settings an app container sees: its ConfigMap, its Secret (when rendered) and its env. */
function containerEnvironment(objects: K8sObject[], container: Container, secretValues: Record<string, string>): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(environment, find(objects, 'ConfigMap', source.configMapRef.name).data);
    if (source.secretRef) {
      const secret = objects.find((object) => object.kind === 'Secret' && object.metadata.name === source.secretRef!.name);
      const data = (secret?.data ?? {}) as Record<string, string>;
      Object.assign(environment, secret ? Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')])) : secretValues);
    }
  }
  for (const variable of container.env ?? []) if (variable.value !== undefined) environment[variable.name] = variable.value;
  return environment;
}

/** What an operator puts in the production Secret (overlays/production/kustomization.yaml). */
const productionSecret = {
  ADMIN_API_KEY: 'x'.repeat(48),
  REDIS_URL: 'rediss://:password@redis.internal:6380',
  CHROMA_URL: 'https://chroma.internal:8000',
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'secret-example',
};

describe.each(overlays)('overlay %s', (overlay) => {
  const objects = render(overlay);
  const pods = workloads(objects);

  it('renders, and every object is valid against the Kubernetes schemas', async () => {
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) {
      await expect(validateAgainstSchema(object), `${object.kind} ${object.metadata.name}`).resolves.toBeUndefined();
    }
    for (const name of APPS) find(objects, 'Deployment', name);
    expect(new Set(objects.map((object) => object.metadata.namespace ?? 'switchyard'))).toEqual(new Set(['switchyard']));
  });

  it('runs every container as non-root on a read-only root file system, with a writable /tmp from an emptyDir', () => {
    expect(pods.length).toBeGreaterThanOrEqual(3);
    for (const { object, pod } of pods) {
      const where = `${object.kind} ${object.metadata.name}`;
      expect(pod.securityContext?.runAsNonRoot, where).toBe(true);
      expect(pod.securityContext?.runAsUser, where).toBeGreaterThan(0);
      for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect(container.securityContext, `${where}/${container.name}`).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
        const emptyDirs = new Set((pod.volumes ?? []).filter((volume) => volume.emptyDir !== undefined).map((volume) => volume.name));
        if (APPS.includes(object.metadata.name as (typeof APPS)[number])) {
          const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
          expect(tmp && emptyDirs.has(tmp.name), `${where}/${container.name} mounts an emptyDir on /tmp`).toBe(true);
        }
      }
    }
    for (const name of APPS) {
      const pod = pods.find(({ object }) => object.metadata.name === name)!.pod;
      expect(pod.securityContext?.runAsUser, `${name} runs as the Dockerfile's user`).toBe(dockerfileUid);
    }
  });

  it('sets CPU and memory requests and limits on every container, requests within limits', () => {
    for (const { object, pod } of pods) {
      for (const container of pod.containers) {
        const where = `${object.metadata.name}/${container.name}`;
        const { requests, limits } = container.resources ?? {};
        for (const resource of ['cpu', 'memory']) {
          expect(requests?.[resource], `${where} requests ${resource}`).toBeDefined();
          expect(limits?.[resource], `${where} limits ${resource}`).toBeDefined();
        }
        expect(bytesOf(requests!.memory!), where).toBeLessThanOrEqual(bytesOf(limits!.memory!));
      }
    }
  });

  it("gives the worker memory for its parse threads: concurrency × MAX_PARSE_MEMORY_MB plus the process's own peak", () => {
    const worker = appContainer(objects, 'switchyard-worker');
    const concurrency = Number(envValue(objects, worker, 'WORKER_CONCURRENCY') ?? 2);
    const parseMb = Number(envValue(objects, worker, 'MAX_PARSE_MEMORY_MB') ?? 1024);
    // 310 MB: the worker's peak RSS in the reliability suite (README); 100 MB for the healthcheck.
    expect(bytesOf(worker.resources!.limits!.memory!)).toBeGreaterThanOrEqual((concurrency * parseMb + 310 + 100) * 1024 ** 2);
  });

  it('probes the api on /ready and /live, the worker with its heartbeat healthcheck, and every datastore', () => {
    const api = appContainer(objects, 'switchyard-api');
    expect(api.readinessProbe).toMatchObject({ httpGet: { path: '/ready', port: 'http' } });
    expect(api.livenessProbe).toMatchObject({ httpGet: { path: '/live', port: 'http' } });
    expect(api.startupProbe).toBeDefined();
    const worker = appContainer(objects, 'switchyard-worker');
    for (const probe of [worker.livenessProbe, worker.readinessProbe]) expect(probe).toMatchObject({ exec: { command: ['node', 'dist/healthcheck.js'] } });
    for (const { object, pod } of pods) {
      if (object.kind === 'Job') continue;
      for (const container of pod.containers) {
        expect(container.readinessProbe, `${object.metadata.name} readiness`).toBeDefined();
        expect(container.livenessProbe, `${object.metadata.name} liveness`).toBeDefined();
      }
    }
  });

  it("waits long enough on termination for each app's own drain (preStop + SHUTDOWN_GRACE_MS + closing)", () => {
    const preStopSeconds = (container: Container) => Number(container.lifecycle?.preStop?.exec?.command[1] ?? 0);
    const grace = (name: string) => pods.find(({ object }) => object.metadata.name === name)!.pod.terminationGracePeriodSeconds ?? 30;

    const api = appContainer(objects, 'switchyard-api');
    const apiDrainSeconds = Number(envValue(objects, api, 'SHUTDOWN_GRACE_MS') ?? 10_000) / 1000;
    // After the grace period the api closes its queue and Redis connections: allow 5 s.
    expect(grace('switchyard-api')).toBeGreaterThanOrEqual(preStopSeconds(api) + apiDrainSeconds + 5);

    // The worker exits by itself at the latest 15 s after its SHUTDOWN_GRACE_MS (apps/worker/src/main.ts).
    const worker = appContainer(objects, 'switchyard-worker');
    const workerDrainSeconds = Number(envValue(objects, worker, 'SHUTDOWN_GRACE_MS') ?? 5_000) / 1000;
    expect(grace('switchyard-worker')).toBeGreaterThan(workerDrainSeconds + 15);
  });

  it('scales the api with an autoscaler that owns its replica count, and budgets disruptions of every app', () => {
    const hpa = find(objects, 'HorizontalPodAutoscaler', 'switchyard-api');
    expect(hpa.spec).toMatchObject({ scaleTargetRef: { kind: 'Deployment', name: 'switchyard-api' } });
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(1);
    expect(hpa.spec!.maxReplicas as number).toBeGreaterThan(hpa.spec!.minReplicas as number);
    expect(find(objects, 'Deployment', 'switchyard-api').spec?.replicas).toBeUndefined();

    const budgets = objects.filter((object) => object.kind === 'PodDisruptionBudget');
    for (const name of APPS) {
      const labels = (find(objects, 'Deployment', name).spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
      const budget = budgets.find((candidate) => matches((candidate.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, labels));
      expect(budget, `a PodDisruptionBudget selects ${name}`).toBeDefined();
    }
  });

  it('lets only the api and the workers reach Redis, Chroma and the object store', () => {
    const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
    const datastorePolicy = policies.find((policy) => matches((policy.spec as { podSelector: { matchLabels: Record<string, string> } }).podSelector.matchLabels, { 'app.kubernetes.io/component': 'datastore' }));
    expect(datastorePolicy, 'a NetworkPolicy for the datastores').toBeDefined();
    const allowed = (datastorePolicy!.spec as { ingress: { from: { podSelector?: { matchLabels: Record<string, string> } }[] }[] }).ingress.flatMap((rule) => rule.from);
    expect(allowed.every((peer) => peer.podSelector !== undefined)).toBe(true);
    const podLabels = (name: string) => pods.find(({ object }) => object.metadata.name === name)!.object.spec as { template: { metadata: { labels: Record<string, string> } } };
    const mayReach = (name: string) => allowed.some((peer) => matches(peer.podSelector?.matchLabels, podLabels(name).template.metadata.labels));
    expect(mayReach('switchyard-api')).toBe(true);
    expect(mayReach('switchyard-worker')).toBe(true);
    expect(mayReach('switchyard-web')).toBe(false);

    // Every datastore running in this overlay is one the policy covers.
    for (const { object } of pods) {
      if (object.kind !== 'StatefulSet') continue;
      expect((object.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels['app.kubernetes.io/component'], object.metadata.name).toBe('datastore');
    }
  });

  it('routes the Ingress to the web app and the api with settings server-sent events need', () => {
    const ingress = find(objects, 'Ingress', 'switchyard');
    const annotations = ingress.metadata.annotations ?? {};
    expect(annotations['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
    const backends = (ingress.spec as { rules: { http: { paths: { backend: { service: { name: string; port: { name: string } } } }[] } }[] }).rules.flatMap((rule) => rule.http.paths.map((entry) => entry.backend.service));
    expect(backends.map((backend) => backend.name).sort()).toEqual(['switchyard-api', 'switchyard-web']);
    for (const backend of backends) {
      const service = find(objects, 'Service', backend.name).spec as { selector: Record<string, string>; ports: { name: string }[] };
      expect(service.ports.map((port) => port.name)).toContain(backend.port.name);
      const labels = (find(objects, 'Deployment', backend.name).spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
      expect(matches(service.selector, labels), `${backend.name} Service selects its pods`).toBe(true);
    }
  });

  it('gives the api and the worker settings their own env.ts accepts: a hash-tagged Redis prefix and the S3 blob store', () => {
    for (const [name, parse] of [
      ['switchyard-api', parseApiEnv],
      ['switchyard-worker', parseWorkerEnv],
    ] as const) {
      const environment = containerEnvironment(objects, appContainer(objects, name), productionSecret);
      const env = parse(environment);
      expect(env.BLOB_STORE, name).toBe('s3');
      expect(env.REDIS_PREFIX, name).toMatch(/^\{[^{}]+\}/);
    }
  });

  it('pulls each app from its Dockerfile target image, pinned to a tag', () => {
    for (const name of APPS) {
      const image = appContainer(objects, name).image;
      expect(image, name).toMatch(new RegExp(`/${name.replace('switchyard-', '')}:[\\w.-]+$`));
      expect(image, name).not.toMatch(/:latest$/);
    }
  });
});

describe('overlays', () => {
  it('include a single-node one with the datastores inside and a production one with them outside', () => {
    expect(overlays).toEqual(expect.arrayContaining(['local', 'production']));
    const local = render('local');
    for (const name of ['switchyard-redis', 'switchyard-chroma', 'switchyard-minio']) find(local, 'StatefulSet', name);
    const production = render('production');
    expect(production.filter((object) => object.kind === 'StatefulSet' || object.kind === 'Secret')).toEqual([]);
    expect((find(production, 'Ingress', 'switchyard').spec as { tls?: unknown[] }).tls).toHaveLength(1);
  });
});
