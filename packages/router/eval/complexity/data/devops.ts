import type { DomainPrompts } from '../types';

// Operations: servers, containers, CI, networks, cloud. Written from the rubric before any change
// to the estimator it would test.
export const devops: DomainPrompts = {
  simple: [
    'What port does HTTPS use?',
    'How do I list running Docker containers?',
    'kubectl command to see pods in all namespaces?',
    'What does DNS stand for?',
    'how to check disk space on linux',
    "What's the command to restart nginx on Ubuntu?",
    'Wie lösche ich alle gestoppten Docker-Container?',
    'Where is the SSH client config file?',
    'what does 0.0.0.0/0 mean in a security group',
  ],
  moderate: [
    'Write a GitHub Actions workflow that runs npm test on every pull request with Node 20.',
    'My Docker image is 1.2 GB for a small Node app. How can I make it smaller?',
    'Explain the difference between a Kubernetes Deployment, a StatefulSet and a DaemonSet.',
    "Set up nginx as a reverse proxy for an app on port 3000 with HTTPS from Let's Encrypt.",
    'Write a cron job that backs up a Postgres database every night and keeps 14 days of backups.',
    "What's the difference between blue-green and canary deployments?",
    'My server disk fills up every few days with logs. How do I set up log rotation?',
    'Our website is slow for users in Asia but fine in Europe. What are the usual fixes?',
  ],
  complex: [
    'Design a multi-region active-active deployment for our API on AWS with a Postgres backend: data replication and conflict handling, failover with an RPO under 5 seconds, DNS and traffic steering, and how we test a region failure without hurting customers.',
    'Our Kubernetes cluster has intermittent 502s from the ingress under load, only on some nodes and only for long-lived connections. Give me a systematic debugging plan covering conntrack limits, keepalive mismatches between the load balancer and nginx, pod termination and readiness, and how to prove which it is.',
    'Design a zero-trust access model for 400 engineers to production: identity provider, short-lived certificates, just-in-time access with approval, audit, break-glass, and how to migrate away from shared bastion keys without an outage.',
    'Plan a secrets management overhaul: today secrets live in env files, CI variables and a wiki. Move to Vault with dynamic database credentials, automatic rotation and least-privilege policies per service, with a migration plan per team over a quarter.',
    'Write Terraform modules for a production-grade EKS setup: VPC with private subnets, node groups mixing spot and on-demand, IRSA, cluster autoscaler; explain the design choices and the failure modes you guarded against.',
  ],
};
