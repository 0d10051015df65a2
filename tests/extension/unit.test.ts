// Pure parts of the extension: site matching and the manifest's permissions, the edit "apply" makes, keeping findings
// in place while the text changes, language choice, settings and workspace URL validation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editFor, shiftFindings } from '../../extension/src/shared/fix';
import { pickLang } from '../../extension/src/shared/i18n';
import { mergeSettings, workspaceOrigin } from '../../extension/src/shared/settings';
import { siteOf, sitePatterns } from '../../extension/src/shared/sites';
import { check, type Finding } from '../../src/core/index';
import { ROOT } from './helpers';

const manifest = JSON.parse(readFileSync(join(ROOT, 'extension/manifest.json'), 'utf8'));

describe('manifest', () => {
  it('runs only on the listed sites, with host permissions for exactly those', () => {
    expect(new Set(manifest.content_scripts[0].matches)).toEqual(new Set(sitePatterns()));
    expect(new Set(manifest.host_permissions)).toEqual(new Set(sitePatterns()));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions.sort()).toEqual(['alarms', 'storage']);
  });
  it('has a strict CSP: only its own scripts, no eval, no remote code', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(csp).toMatch(/object-src 'none'/);
  });
});

describe('sites', () => {
  it.each([
    ['x.com', 'x'],
    ['mobile.twitter.com', 'x'],
    ['www.facebook.com', 'facebook'],
    ['m.facebook.com', 'facebook'],
    ['www.instagram.com', 'instagram'],
    ['www.linkedin.com', 'linkedin'],
    ['www.threads.net', 'threads'],
    ['www.threads.com', 'threads'],
    ['web.whatsapp.com', 'whatsapp'],
  ])('%s -> %s', (host, id) => expect(siteOf(host)?.id).toBe(id));
  it.each(['example.com', 'notx.com', 'x.com.evil.net', 'whatsapp.com', 'api.whatsapp.com', 'facebook.com.example.org'])('%s is not a site', (host) =>
    expect(siteOf(host)).toBeUndefined());
});

describe('apply', () => {
  const f = (text: string, words: string): Finding => {
    const found = check({ text }).find((x) => text.slice(x.range[0], x.range[1]) === words);
    if (!found) throw new Error(`no finding on ${words} in ${text}`);
    return found;
  };
  it('removes the flagged words with one neighbouring space when the finding has no replacement', () => {
    for (const [text, words, after] of [
      ['Dasar goblok lu', 'goblok', 'Dasar lu'],
      ['goblok lu', 'goblok', 'lu'],
      ['Dasar goblok', 'goblok', 'Dasar'],
      ['Dasar goblok!', 'goblok', 'Dasar!'],
    ]) {
      const e = editFor(f(text, words), text)!;
      expect(text.slice(0, e.start) + e.text + text.slice(e.end)).toBe(after);
      expect(e.label.id).toContain(words);
    }
  });
  it('uses a suggestion that carries its own replacement and range', () => {
    const text = 'Dasar goblok lu';
    const base = f(text, 'goblok');
    const withRep = { ...base, suggestions: [{ id: 'x', en: 'x', replacement: 'keliru', range: [6, 12] }] } as unknown as Finding;
    expect(editFor(withRep, text)).toMatchObject({ start: 6, end: 12, text: 'keliru' });
  });
  it('refuses a range that no longer fits the text', () => {
    const base = f('Dasar goblok lu', 'goblok');
    expect(editFor(base, 'Dasar')).toBeNull();
  });
});

describe('findings follow edits while a check is on its way', () => {
  const text = 'Halo. Dasar goblok lu';
  const fs = check({ text });
  const at = (t: string, x: Finding[]) => x.map((g) => t.slice(g.range[0], g.range[1]));
  it('shift after an insertion before them, stay for an edit after them', () => {
    const before = `Hai! ${text}`;
    expect(at(before, shiftFindings(fs, text, before))).toEqual(at(text, fs));
    const after = `${text} ya`;
    expect(at(after, shiftFindings(fs, text, after))).toEqual(at(text, fs));
  });
  it('are dropped when the edit touches their words', () => {
    const edited = text.replace('goblok', 'gblk');
    expect(shiftFindings(fs, text, edited).filter((g) => g.ruleId === 'abusive/profanity')).toEqual([]);
    const typedInto = text.replace('goblok', 'gxoblok');
    expect(shiftFindings(fs, text, typedInto).filter((g) => g.ruleId === 'abusive/profanity')).toEqual([]);
  });
});

describe('settings', () => {
  it('language follows the browser (English only for English), unless fixed', () => {
    expect(pickLang('auto', 'id-ID')).toBe('id');
    expect(pickLang('auto', 'en-US')).toBe('en');
    expect(pickLang('auto', 'fr-FR')).toBe('id');
    expect(pickLang('en', 'id-ID')).toBe('en');
  });
  it('workspace URLs: https (http only on localhost), reduced to the origin; bad input is named', () => {
    expect(workspaceOrigin(' https://bijak.kemenkeu.go.id/app/ ')).toBe('https://bijak.kemenkeu.go.id');
    expect(workspaceOrigin('http://localhost:8080/x')).toBe('http://localhost:8080');
    expect(() => workspaceOrigin('http://bijak.example.org')).toThrow(/https/);
    expect(() => workspaceOrigin('bijak')).toThrow(/Not a URL: bijak/);
  });
  it('stored settings of the wrong shape fall back to defaults field by field', () => {
    expect(mergeSettings({ paused: 'yes', disabledSites: ['x', 3], lang: 'fr', workspaceUrl: 5 })).toEqual({
      paused: false,
      disabledSites: ['x'],
      workspaceUrl: '',
      lang: 'auto',
    });
  });
});
