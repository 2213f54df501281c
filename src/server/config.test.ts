import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicOrigin } from './config.js';

describe('configuration', () => {
  it('starts with sensible defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      hosts: { rootDomains: ['localhost'], platformSubdomain: 'admin', previewSuffixes: [] },
      trustProxy: false,
      databaseUrl: null,
      redisUrl: null,
      logLevel: 'info',
      demoData: true,
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('parses lists, booleans and numbers', () => {
    const config = loadConfig({
      PORT: '8080',
      ROOT_DOMAINS: 'Schoolhouse.app, balqalam.com',
      PREVIEW_SUFFIXES: 'vercel.app',
      TRUST_PROXY: 'true',
      DATABASE_URL: 'postgres://app@db:5432/schoolhouse',
      REDIS_URL: 'redis://cache:6379',
      DEMO_DATA: 'false',
    });
    expect(config.port).toBe(8080);
    expect(config.hosts.rootDomains).toEqual(['schoolhouse.app', 'balqalam.com']);
    expect(config.hosts.previewSuffixes).toEqual(['vercel.app']);
    expect(config.trustProxy).toBe(true);
    expect(config.demoData).toBe(false);
  });

  it('names every invalid key at once', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        TRUST_PROXY: 'yes',
        DATABASE_URL: 'mysql://nope',
        LOG_LEVEL: 'loud',
        ROOT_DOMAINS: 'ok.com,not a domain',
        APP_SECRET: 'short',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const keys = (caught as ConfigError).problems.map((p) => p.split(':')[0]).sort();
    expect(keys).toEqual([
      'APP_SECRET',
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'ROOT_DOMAINS',
      'TRUST_PROXY',
    ]);
    expect((caught as ConfigError).message).toContain('PORT');
  });

  it('builds public origins with the port only when it is not the default', () => {
    expect(publicOrigin(loadConfig({ PORT: '3000' }), 'greenwood.localhost')).toBe(
      'http://greenwood.localhost:3000',
    );
    expect(
      publicOrigin(
        loadConfig({ PUBLIC_SCHEME: 'https', PUBLIC_PORT: '443' }),
        'greenwood.schoolhouse.app',
      ),
    ).toBe('https://greenwood.schoolhouse.app');
  });
});
