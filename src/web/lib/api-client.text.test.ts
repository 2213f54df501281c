import { afterEach, describe, expect, it, vi } from 'vitest';

import { api } from './api-client';

describe('api.postText', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends the text as it is, with its own content type, and reads the JSON answer', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValue(Response.json({ valid: true }, { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const csv = 'admission_number,first_name\nA1,Lina\n';
    await expect(api.postText('/api/imports/students/preview', 'text/csv', csv)).resolves.toEqual({
      valid: true,
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/imports/students/preview');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(csv);
    expect(init?.headers).toMatchObject({ 'content-type': 'text/csv' });
  });
});
