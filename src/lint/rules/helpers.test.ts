/** Tables for the parsing helpers the rules share (ports, image references, volumes, quoting). */
import { describe, expect, it } from 'vitest';
import { ipsOverlap, parseShortPort, UNKNOWN } from './_ports.js';
import { isHostPath } from './_volumes.js';
import { volumesFromService } from './_graph.js';
import { parseImageRef } from './no-floating-image-tag.js';
import { isSafePlain } from './no-quotes-in-volumes.js';

describe('parseShortPort', () => {
  it.each([
    ['80', { hostIp: '', published: undefined, target: '80', protocol: 'tcp' }],
    ['8080:80', { hostIp: '', published: { start: 8080, end: 8080 }, target: '80', protocol: 'tcp' }],
    ['127.0.0.1:8080:80/udp', { hostIp: '127.0.0.1', published: { start: 8080, end: 8080 }, target: '80', protocol: 'udp' }],
    ['127.0.0.1::80', { hostIp: '127.0.0.1', published: undefined, target: '80', protocol: 'tcp' }],
    ['[::1]:7000-7010:7000-7010', { hostIp: '::1', published: { start: 7000, end: 7010 }, target: '7000-7010', protocol: 'tcp' }],
    ['${HOST_IP}:8080:80', { hostIp: UNKNOWN, published: { start: 8080, end: 8080 }, target: '80', protocol: 'tcp' }],
    ['${PORT:-8080}:80', { hostIp: '', published: UNKNOWN, target: '80', protocol: 'tcp' }],
    ['${IP:-0.0.0.0}:${P:-1}:80/${PROTO:-udp}', { hostIp: UNKNOWN, published: UNKNOWN, target: '80', protocol: 'tcp' }],
  ])('%s', (text, expected) => expect(parseShortPort(text)).toEqual(expected));
});

describe('ipsOverlap', () => {
  it.each([
    ['', '127.0.0.1', true],
    ['0.0.0.0', '127.0.0.1', true],
    ['0.0.0.0', '::1', false],
    ['::', '::1', true],
    ['127.0.0.1', '127.0.0.2', false],
    ['127.0.0.1', '127.0.0.1', true],
  ])('%s / %s', (a, b, expected) => expect(ipsOverlap(a, b)).toBe(expected));
});

describe('parseImageRef', () => {
  it.each([
    ['nginx', { name: 'nginx', digest: undefined }],
    ['nginx:1.27', { name: 'nginx', tag: '1.27', digest: undefined }],
    ['localhost:5000/app', { name: 'localhost:5000/app', digest: undefined }],
    ['localhost:5000/app:2', { name: 'localhost:5000/app', tag: '2', digest: undefined }],
    ['app@sha256:abc', { name: 'app', digest: 'sha256:abc' }],
    ['app:1@sha256:abc', { name: 'app', tag: '1', digest: 'sha256:abc' }],
  ])('%s', (image, expected) => expect(parseImageRef(image)).toEqual(expected));
});

describe('volume sources', () => {
  it.each([
    ['./data', true],
    ['/srv', true],
    ['~/x', true],
    ['C:\\data', true],
    ['data', false],
    ['my-volume', false],
  ])('isHostPath(%s)', (src, expected) => expect(isHostPath(src)).toBe(expected));

  it.each([
    ['web', 'web'],
    ['web:ro', 'web'],
    ['service:web:rw', 'web'],
    ['container:abc', undefined],
  ])('volumesFromService(%s)', (v, expected) => expect(volumesFromService(v)).toBe(expected));
});

describe('isSafePlain', () => {
  it.each([
    ['./data:/data', true],
    ['data:/data:ro', true],
    ['~/x:/x', true],
    ['./a #b:/c', false],
    [' ./a:/b', false],
    ['*alias', false],
    ['&anchor', false],
    ['true', false],
    ['123', false],
    ['- x', false],
    ['x: y', false],
    ['', false],
  ])('%s', (v, expected) => expect(isSafePlain(v)).toBe(expected));
});
