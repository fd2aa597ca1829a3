import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CALIBRATION_METRIC } from '@hybridlens/conventions';
import { describeWithFixtures, freePort } from '@hybridlens/testkit';
import { silentLogger } from '../src/log';
import { braketOptionsFromEnv, fetchIbm, ibmOptionsFromEnv, startExporter, type RunningExporter } from '../src';
import { fixture } from './helpers';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function serve(handler: Handler): Promise<{ server: Server; url: string }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${port}` };
}

const close = (server?: Server) => new Promise<void>((r) => (server ? server.close(() => r()) : r()));

describeWithFixtures('live providers against recorded-shape responses on 127.0.0.1', (fixtures) => {
  const SECRET_KEY = 'test-api-key-never-logged';
  let ibm: { server: Server; url: string };
  let braket: { server: Server; url: string };
  const seen: { auth: string[]; crn: string[]; braketPaths: string[] } = { auth: [], crn: [], braketPaths: [] };

  beforeAll(async () => {
    const props: Record<string, string> = {
      ibm_sherbrooke: readFileSync(fixture(fixtures, 'ibm/props_sherbrooke.json'), 'utf8'),
      ibmq_manila: readFileSync(fixture(fixtures, 'ibm/props_manila.json'), 'utf8'),
    };
    const conf: Record<string, string> = {
      ibmq_manila: readFileSync(fixture(fixtures, 'ibm/conf_manila.json'), 'utf8'),
    };
    ibm = await serve((req, res, body) => {
      if (req.method === 'POST' && req.url === '/identity/token') {
        const form = new URLSearchParams(body);
        const ok =
          form.get('apikey') === SECRET_KEY && form.get('grant_type') === 'urn:ibm:params:oauth:grant-type:apikey';
        res
          .writeHead(ok ? 200 : 400, { 'Content-Type': 'application/json' })
          .end(JSON.stringify(ok ? { access_token: 'bearer-abc', expires_in: 3600 } : { errorMessage: 'bad key' }));
        return;
      }
      seen.auth.push(String(req.headers.authorization));
      seen.crn.push(String(req.headers['service-crn']));
      const m = /^\/api\/v1\/backends\/([^/]+)\/(properties|configuration)$/.exec(req.url ?? '');
      const text = m ? (m[2] === 'properties' ? props : conf)[decodeURIComponent(m[1]!)] : undefined;
      if (req.headers.authorization !== 'Bearer bearer-abc') {
        res.writeHead(401).end();
      } else if (text) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(text);
      } else {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":[{"message":"Backend not found"}]}');
      }
    });
    const garnet = readFileSync(fixture(fixtures, 'braket/iqm_garnet_2026-05-05.json'), 'utf8');
    braket = await serve((req, res) => {
      seen.braketPaths.push(req.url ?? '');
      const arn = decodeURIComponent((req.url ?? '').replace(/^\/device\//, ''));
      if (arn.endsWith('/iqm/Garnet')) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(
          JSON.stringify({
            deviceArn: arn,
            deviceName: 'Garnet',
            providerName: 'IQM',
            deviceType: 'QPU',
            deviceStatus: 'ONLINE',
            deviceCapabilities: garnet,
            deviceQueueInfo: [],
          })
        );
      } else {
        res
          .writeHead(404, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ResourceNotFoundException' })
          .end('{"message":"Braket device not found"}');
      }
    });
  });

  afterAll(async () => {
    await close(ibm?.server);
    await close(braket?.server);
  });

  it('no credentials configured → no live source', () => {
    expect(ibmOptionsFromEnv({ IBM_QUANTUM_BACKENDS: 'ibm_x' })).toBeNull();
    expect(braketOptionsFromEnv({ HYBRIDLENS_BRAKET_DEVICE_ARNS: 'arn:x' })).toBeNull();
  });

  it('IBM: exchanges the API key for a bearer token, fetches properties and configuration, one bad backend does not stop the others', async () => {
    const options = ibmOptionsFromEnv({
      IBM_CLOUD_API_KEY: SECRET_KEY,
      IBM_QUANTUM_BACKENDS: 'ibm_sherbrooke, ibmq_manila, ibm_gone',
      IBM_QUANTUM_URL: `${ibm.url}/api/v1`,
      IBM_IAM_URL: `${ibm.url}/identity/token`,
      IBM_QUANTUM_CRN: 'crn:v1:test',
    })!;
    const { backends, errors } = await fetchIbm(options);
    expect(backends.map((b) => b.backend)).toEqual(['ibm_sherbrooke', 'ibmq_manila']);
    expect(backends[1]!.processorFamily).toBe('Falcon');
    expect(backends[0]!.summary.qubitCount).toBe(127);
    expect(errors.map((e) => e.message)).toEqual([
      'ibm:ibm_sherbrooke: configuration: HTTP 404 from /api/v1/backends/ibm_sherbrooke/configuration',
      'ibm:ibm_gone: properties: HTTP 404 from /api/v1/backends/ibm_gone/properties',
    ]);
    expect(new Set(seen.auth)).toEqual(new Set(['Bearer bearer-abc']));
    expect(new Set(seen.crn)).toEqual(new Set(['crn:v1:test']));
    expect(errors.every((e) => !e.message.includes(SECRET_KEY))).toBe(true);
  });

  it('IBM: a rejected API key is one clear error, without the key in it', async () => {
    const options = ibmOptionsFromEnv({
      IBM_CLOUD_API_KEY: 'wrong',
      IBM_QUANTUM_BACKENDS: 'ibmq_manila',
      IBM_QUANTUM_URL: `${ibm.url}/api/v1`,
      IBM_IAM_URL: `${ibm.url}/identity/token`,
    })!;
    const { backends, errors } = await fetchIbm(options);
    expect(backends).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual(['ibm:iam: access_token: IAM token exchange failed with HTTP 400']);
  });

  it('IBM: an unreachable API is an error per backend, not a crash', async () => {
    const port = await freePort();
    const options = ibmOptionsFromEnv({
      IBM_QUANTUM_BEARER_TOKEN: 'tok',
      IBM_QUANTUM_BACKENDS: 'ibm_a,ibm_b',
      IBM_QUANTUM_URL: `http://127.0.0.1:${port}/api/v1`,
    })!;
    const { backends, errors } = await fetchIbm(options);
    expect(backends).toEqual([]);
    expect(errors.map((e) => `${e.source} ${e.field}`)).toEqual(['ibm:ibm_a (request)', 'ibm:ibm_b (request)']);
  });

  describe('exporter with both live providers', () => {
    let exporter: RunningExporter;
    const saved = { ...process.env };

    beforeAll(async () => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
      process.env.AWS_SECRET_ACCESS_KEY = 'secret-test';
      const env = {
        ...process.env,
        HYBRIDLENS_BRAKET_DEVICE_ARNS:
          'arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet,arn:aws:braket:us-east-1::device/qpu/nobody/Nothing',
        HYBRIDLENS_BRAKET_ENDPOINT: braket.url,
        AWS_REGION: 'eu-north-1',
        IBM_QUANTUM_BEARER_TOKEN: 'bearer-abc',
        IBM_QUANTUM_BACKENDS: 'ibmq_manila',
        IBM_QUANTUM_URL: `${ibm.url}/api/v1`,
      };
      exporter = await startExporter({
        dir: null,
        port: await freePort(),
        ibm: ibmOptionsFromEnv(env),
        braket: braketOptionsFromEnv(env),
        log: silentLogger,
      });
    });

    afterAll(async () => {
      await exporter?.close();
      process.env = saved;
    });

    it('serves Braket GetDevice (via @aws-sdk/client-braket) and IBM REST calibrations, and counts the failing device', async () => {
      const text = await (await fetch(`${exporter.url}/metrics`)).text();
      expect(text).toContain(`${CALIBRATION_METRIC.qubitCount.name}{provider="braket",backend="Garnet"} 20`);
      expect(text).toContain(`${CALIBRATION_METRIC.targetAvailable.name}{provider="braket",backend="Garnet"} 1`);
      expect(text).toContain(`${CALIBRATION_METRIC.qubitCount.name}{provider="ibm",backend="ibmq_manila"} 5`);
      expect(text).toContain(
        `${CALIBRATION_METRIC.ingestErrors.name}{source="braket:arn:aws:braket:us-east-1::device/qpu/nobody/Nothing",reason="request_failed"} 1`
      );
      expect(seen.braketPaths).toContain(
        `/device/${encodeURIComponent('arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet')}`
      );
    });
  });
});
