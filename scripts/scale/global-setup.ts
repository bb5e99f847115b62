import type { TestProject } from 'vitest/node';
import { startScaleCluster, type ScaleCluster } from './cluster.ts';

/** What the scale tests get of the cluster: addresses, and process ids to kill a node by. */
export interface ScaleContext {
  url: string;
  caFile: string;
  databaseUrl: string;
  organizerLink: string;
  eventSlug: string;
  livekit: { apiKey: string; apiSecret: string };
  apps: { name: string; url: string; metricsUrl: string; livekitUrl: string; pid: number }[];
  livekits: { name: string; url: string; logFile: string; pid: number }[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    scale: ScaleContext;
  }
}

let cluster: ScaleCluster | undefined;

/**
 * One cluster for the scale tests, started before the test workers: they inherit
 * NODE_EXTRA_CA_CERTS and so trust the balancer's local CA for fetch and Socket.IO alike.
 */
export async function setup(project: TestProject) {
  cluster = await startScaleCluster((line) => console.log(line));
  process.env.NODE_EXTRA_CA_CERTS = cluster.caFile;
  project.provide('scale', {
    url: cluster.url,
    caFile: cluster.caFile,
    databaseUrl: cluster.databaseUrl,
    organizerLink: cluster.organizerLink,
    eventSlug: cluster.eventSlug,
    livekit: cluster.livekit,
    apps: cluster.apps.map(({ name, url, metricsUrl, livekitUrl, proc }) => ({
      name,
      url,
      metricsUrl,
      livekitUrl,
      pid: proc.pid,
    })),
    livekits: cluster.livekits.map(({ name, url, logFile, proc }) => ({
      name,
      url,
      logFile,
      pid: proc.pid,
    })),
  });
}

export async function teardown() {
  await cluster?.stop();
}
