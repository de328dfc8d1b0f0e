import { describe, expect, it } from 'vitest';
import { createFaker } from '../../engine/fake.js';
import { imageMime, parseMetadata } from './metadata.js';
import { fakeSubject, isValidIin } from './subject.js';

describe('metadata normalisation', () => {
  it('applies the doc’s defaults: changeable true, skip_input false', () => {
    const metadata = parseMetadata({ edocument: { iin: { value: '900101300123' } } }, ['LD', 'ED', 'F2F']);
    expect(metadata.edocument).toEqual({
      iin: { value: '900101300123', changeable: true },
      phone: { value: undefined, changeable: true },
      skipInput: false,
    });
    expect(metadata.face2face).toEqual({});
    expect(metadata.general.interchangeableTech).toEqual([]);
  });

  it('tells image formats apart by their first bytes', () => {
    const b64 = (bytes: number[]) => Buffer.from([...bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0]).toString('base64');
    expect(imageMime(b64([0xff, 0xd8, 0xff]))).toBe('image/jpeg');
    expect(imageMime(b64([0x89, 0x50, 0x4e, 0x47]))).toBe('image/png');
    expect(imageMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 ').toString('base64'))).toBe('image/webp');
    expect(imageMime(Buffer.from('GIF89a........').toString('base64'))).toBeUndefined();
    expect(imageMime('')).toBeUndefined();
  });
});

describe('generated IINs', () => {
  it('checks the IIN check digit', () => {
    expect(isValidIin('900101300126')).toBe(true);
    expect(isValidIin('900101300123')).toBe(false);
    expect(isValidIin('12345')).toBe(false);
  });

  it('makes seeded people whose IIN encodes their birth date and passes the check', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const subject = fakeSubject(await createFaker(seed));
      expect(isValidIin(subject.iin)).toBe(true);
      expect(subject.iin.slice(0, 6)).toBe(subject.birthDate.slice(2).replaceAll('-', ''));
      expect(subject.phone).toMatch(/^\+77\d{9}$/);
    }
  });
});
