import { describe, expect, it } from 'vitest';
import { admin, useSimulator } from './support/simulator.js';
import { type Any, yoti } from './support/yoti-digital-id.js';
import { SDK_ID, testKeys } from './support/yoti-idv.js';

async function amlScenario() {
  const { publicKeyPem } = await testKeys();
  return {
    name: 'aml test',
    yoti: {
      apps: [{ sdkId: SDK_ID, publicKey: publicKeyPem }],
      aml: {
        entries: [
          { givenNames: 'Edward Richard George', familyName: 'Heath', lists: ['pep'] },
          { familyName: 'Fraudster', country: 'GBR', lists: ['fraud', 'watch'] },
          { familyName: 'Doe', country: 'USA', ssn: '123123123', lists: ['watch'] },
        ],
      },
    },
  };
}

/** Client.performAmlCheck of the unmodified SDK against POST /yoti/api/v1/aml-check. */
describe('Yoti AML check', () => {
  const sim = useSimulator({ scenario: { name: 'boot' } });
  const client = async () =>
    new yoti.Client(SDK_ID, (await testKeys()).privateKeyPem, { apiUrl: `${sim().url}/yoti/api/v1` });
  const check = async (given: string, family: string, address: Any, ssn?: string) =>
    (await client()).performAmlCheck(new yoti.AmlProfile(given, family, address, ssn));

  it('reports the lists the scenario puts a person on, and none for anyone else', async () => {
    await admin(sim(), 'PUT', '/scenario', await amlScenario());
    const pep = await check('edward richard george', 'HEATH', new yoti.AmlAddress('GBR'));
    expect(pep.getData()).toEqual({ on_pep_list: true, on_fraud_list: false, on_watch_list: false });
    const fraud = await check('Any', 'Fraudster', new yoti.AmlAddress('GBR'));
    expect([fraud.isOnPepList, fraud.isOnFraudList, fraud.isOnWatchList]).toEqual([false, true, true]);
    const elsewhere = await check('Any', 'Fraudster', new yoti.AmlAddress('FRA'));
    expect(elsewhere.getData()).toEqual({ on_pep_list: false, on_fraud_list: false, on_watch_list: false });
    const usa = await check('John', 'Doe', new yoti.AmlAddress('USA', '12345'), '123123123');
    expect(usa.isOnWatchList).toBe(true);
    const otherSsn = await check('John', 'Doe', new yoti.AmlAddress('USA', '12345'), '999999999');
    expect(otherSsn.isOnWatchList).toBe(false);
    const miss = await check('Alex', 'Example', new yoti.AmlAddress('GBR', 'SW1A 1AA'));
    expect(miss.getData()).toEqual({ on_pep_list: false, on_fraud_list: false, on_watch_list: false });
  });

  it('refuses a USA check without postcode or SSN in Yoti error shape, which the SDK reports', async () => {
    await admin(sim(), 'PUT', '/scenario', await amlScenario());
    const error = await check('John', 'Doe', new yoti.AmlAddress('USA')).catch((e: Error) => e);
    expect(error.message).toBe(
      'PAYLOAD_VALIDATION - There were errors validating the payload: [{"property":"address.postcode","message":"a check in the USA needs a postcode or an SSN"}]',
    );
    const withSsn = await check('John', 'Doe', new yoti.AmlAddress('USA'), '111223333');
    expect(withSsn.isOnPepList).toBe(false);
  });

  it('refuses a profile without a country (the SDK checks that itself, so the request is built by hand)', async () => {
    await admin(sim(), 'PUT', '/scenario', await amlScenario());
    const request = new yoti.RequestBuilder()
      .withBaseUrl(`${sim().url}/yoti/api/v1`)
      .withPemString((await testKeys()).privateKeyPem)
      .withEndpoint('/aml-check')
      .withQueryParam('appId', SDK_ID)
      .withMethod('POST')
      .withPayload(
        new yoti.Payload({ given_names: 'Alex', family_name: 'Example', address: { postcode: 'X1' } }),
      )
      .build();
    const error = await request.execute().catch((e: Any) => e);
    expect(error.response.statusCode ?? error.response.status).toBe(400);
    expect(JSON.parse(error.response.text)).toEqual({
      code: 'PAYLOAD_VALIDATION',
      message: 'There were errors validating the payload',
      errors: [{ property: 'address.country', message: 'must not be empty' }],
    });
  });

  it('is signed like every Yoti API', async () => {
    await admin(sim(), 'PUT', '/scenario', await amlScenario());
    const res = await fetch(`${sim().url}/yoti/api/v1/aml-check?appId=${SDK_ID}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('MISSING_DIGEST');
  });
});
