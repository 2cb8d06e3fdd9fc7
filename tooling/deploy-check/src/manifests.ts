// Renders the Kubernetes overlays with `kubectl kustomize` (no cluster needed) and checks each
// object against the Kubernetes schemas of `kubernetes-models`.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@switchyard/stack';
import { parseAllDocuments } from 'yaml';

export const k8sDir = path.join(repoRoot, 'deploy/k8s');
export const overlays = readdirSync(path.join(k8sDir, 'overlays')).sort();

/** A rendered Kubernetes object, as much of it as the checks read. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  [field: string]: unknown;
}

export function render(overlay: string): K8sObject[] {
  const yamlText = execFileSync('kubectl', ['kustomize', path.join(k8sDir, 'overlays', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(yamlText).map((document) => {
    if (document.errors.length > 0) throw new Error(`${overlay}: ${document.errors[0]?.message}`);
    return document.toJS() as K8sObject;
  });
}

/**
 * Validates an object against the schema of its apiVersion and kind; throws with the field paths
 * at fault. The model module is `kubernetes-models/<group>/<version>/<Kind>` (`v1/<Kind>` for
 * the core group).
 */
export async function validateAgainstSchema(object: K8sObject): Promise<void> {
  const modulePath = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  const module = (await import(modulePath).catch(() => {
    throw new Error(`no Kubernetes schema for ${object.apiVersion} ${object.kind} (is the apiVersion current?)`);
  })) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = module[object.kind];
  if (!Model) throw new Error(`${modulePath} has no model ${object.kind}`);
  new Model(object).validate();
}

export interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  startupProbe?: unknown;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; runAsNonRoot?: boolean; capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  terminationGracePeriodSeconds?: number;
  volumes?: { name: string; emptyDir?: unknown }[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);

/** Every object that runs pods, with its pod spec. */
export function workloads(objects: K8sObject[]): { object: K8sObject; pod: PodSpec }[] {
  return objects
    .filter((object) => WORKLOAD_KINDS.has(object.kind))
    .map((object) => ({ object, pod: (object.spec as { template: { spec: PodSpec } }).template.spec }));
}

export function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

/** An env value of a container, literal or from the named ConfigMap. */
export function envValue(objects: K8sObject[], container: Container, name: string): string | undefined {
  const literal = container.env?.find((variable) => variable.name === name)?.value;
  if (literal !== undefined) return literal;
  for (const source of container.envFrom ?? []) {
    if (!source.configMapRef) continue;
    const value = find(objects, 'ConfigMap', source.configMapRef.name).data?.[name];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Kubernetes memory quantities (Mi, Gi, M, G) in bytes. */
export function bytesOf(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`unreadable quantity ${quantity}`);
  const units: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, K: 1e3, M: 1e6, G: 1e9 };
  return Number(match[1]) * (match[2] ? (units[match[2]] ?? 1) : 1);
}
