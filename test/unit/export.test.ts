// Markdown export of talks, days and conferences: golden files, and every export read back by a CommonMark and a YAML parser.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Parser, type Node } from 'commonmark';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportConference, photoTypesOf } from '../../src/markdown/export-conference';
import { defaultDayTitle, exportDay } from '../../src/markdown/export-day';
import { exportTalk, type ExportOptions } from '../../src/markdown/export-talk';
import { escapeText, formatDayEn, relativePhotoLinks, attachmentPhotoLinks } from '../../src/markdown/export-text';
import { splitFrontMatter, type Flavour } from '../../src/markdown/front-matter';
import { slugify, uniqueName } from '../../src/markdown/slug';
import { conference, talk } from '../helpers/factories';
import { LCA, PHOTO_SHA, realisticConference } from '../fixtures/export/realistic-day';

const GOLDEN = new URL('../fixtures/export/', import.meta.url);

/** Compares with a golden file; UPDATE_GOLDEN=1 writes it instead (then review the diff). */
function expectGolden(name: string, text: string): void {
  const url = new URL(name, GOLDEN);
  if (process.env.UPDATE_GOLDEN || !existsSync(url)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(url, text);
  }
  expect(text).toBe(readFileSync(url, 'utf8'));
}

const { talks } = realisticConference();
const opts = (flavour: Flavour, markers = true): ExportOptions => ({ flavour, markers, photoTypes: photoTypesOf(talks) });

function textOf(node: Node): string {
  let out = '';
  const walker = node.walker();
  for (let e = walker.next(); e; e = walker.next()) {
    if (!e.entering) continue;
    if (e.node.type === 'text' || e.node.type === 'code') out += e.node.literal ?? '';
    if (e.node.type === 'softbreak') out += ' ';
  }
  return out;
}

/** Top-level blocks of a document as [type, text] (headings as "heading N"). */
function blocks(markdown: string): Array<[string, string]> {
  const doc = new Parser().parse(markdown);
  const out: Array<[string, string]> = [];
  for (let n = doc.firstChild; n; n = n.next) {
    const type = n.type === 'heading' ? `heading ${n.level}` : n.type;
    out.push([type, n.type === 'html_block' ? (n.literal ?? '').trim() : textOf(n)]);
  }
  return out;
}

function expectClean(text: string): void {
  expect(text).not.toMatch(/\r/);
  expect(text.endsWith('\n')).toBe(true);
  expect(text.endsWith('\n\n')).toBe(false);
}

describe('a day as one post', () => {
  it.each<Flavour>(['none', 'hugo', 'jekyll'])('matches the golden file with %s front matter', (flavour) => {
    const day = exportDay(LCA, talks, '2015-01-12', { ...opts(flavour), leaveOutEmpty: false });
    expectClean(day.text);
    expectGolden(`day-${flavour}.md`, day.text);
  });

  it('names the file YYYY-MM-DD-slug.md for Jekyll and slug.md otherwise', () => {
    expect(exportDay(LCA, talks, '2015-01-12', { ...opts('jekyll'), leaveOutEmpty: false }).name).toBe('2015-01-12-linux-conf-au-2015-day-1.md');
    expect(exportDay(LCA, talks, '2015-01-12', { ...opts('hugo'), leaveOutEmpty: false }).name).toBe('linux-conf-au-2015-day-1.md');
  });

  it('puts the free notes first, then talks in schedule order, leaving out private talks and other days', () => {
    const day = exportDay(LCA, talks, '2015-01-12', { ...opts('none', false), leaveOutEmpty: false });
    const headings = blocks(day.text).filter(([type]) => type.startsWith('heading'));
    expect(headings[0]).toEqual(['heading 1', 'linux.conf.au 2015 – Day 1']);
    expect(headings.slice(1).map(([, text]) => text)).toEqual([
      'Note at 09:05',
      'AWS OpsWorks Orchestration War Stories',
      'Slim Application Containers from Source',
      'Containers and PCP (Performance Co-Pilot)',
      'The Challenges of Containerizing your Datacenter',
      'Cloud Management and ManageIQ',
      'LXD: The Container-Based Hypervisor That Isn’t',
      'Rocket and the App Container Spec',
      talks.find((t) => t.title.startsWith('- #1'))!.title,
      'Lightning talks',
    ]);
    expect(day.text).not.toContain('Hallway rant');
    expect(day.text).not.toContain('Second day');
  });

  it('leaves out empty talks when asked', () => {
    const day = exportDay(LCA, talks, '2015-01-12', { ...opts('none'), leaveOutEmpty: true });
    expect(day.text).not.toContain('Lightning talks');
    expect(day.talks.every((t) => t.body.trim())).toBe(true);
  });

  it('keeps the note verbatim: lists, hard line breaks (trailing spaces) and photos as relative links', () => {
    const day = exportDay(LCA, talks, '2015-01-12', { ...opts('none'), leaveOutEmpty: false });
    expect(day.text).toContain('the keynote room is packed.  \nWi-Fi works.');
    expect(day.text).toContain(`![Welcome slide](attachments/${PHOTO_SHA}.jpg)`);
    expect(day.text).toContain('- If we ere doing again\n  - AMI-based better\n');
    const lists = blocks(day.text).filter(([type]) => type === 'list');
    expect(lists.length).toBeGreaterThanOrEqual(7);
  });

  it('uses the edited title in the heading and the front matter', () => {
    const day = exportDay(LCA, talks, '2015-01-12', { ...opts('hugo'), leaveOutEmpty: false, title: 'LCA day one: containers' });
    expect(splitFrontMatter(day.text).data.title).toBe('LCA day one: containers');
    expect(day.name).toBe('lca-day-one-containers.md');
  });

  it('reads back its front matter as YAML with title, date, tags and conference', () => {
    const { data, body } = splitFrontMatter(exportDay(LCA, talks, '2015-01-12', { ...opts('jekyll'), leaveOutEmpty: false }).text);
    expect(data).toEqual({
      layout: 'post',
      title: 'linux.conf.au 2015 – Day 1',
      date: '2015-01-12',
      tags: ['lca', 'containers', 'docker', 'c#', 'yaml: hard'],
      conference: 'linux.conf.au 2015',
    });
    expect(body.startsWith('\n<!-- lectern:conference ')).toBe(true);
  });

  it('titles a day outside the conference by its date and a day-less group as other notes', () => {
    expect(defaultDayTitle(LCA, '2015-01-14')).toBe('linux.conf.au 2015 – Day 3');
    expect(defaultDayTitle(LCA, '2015-02-01')).toBe('linux.conf.au 2015 – Sun 1 Feb 2015');
    expect(defaultDayTitle(LCA, '')).toBe('linux.conf.au 2015 – Other notes');
  });
});

describe('one talk as a document', () => {
  it.each<Flavour>(['none', 'hugo', 'jekyll'])('matches the golden file with %s front matter', (flavour) => {
    const t = talks.find((x) => x.links.length > 0)!;
    const file = exportTalk(t, LCA, opts(flavour));
    expectClean(file.text);
    expectGolden(`talk-${flavour}.md`, file.text);
  });

  it('gives Jekyll the talk start as its date and names the speakers', () => {
    const t = talks[0]!;
    const file = exportTalk(t, LCA, opts('jekyll'));
    expect(file.name).toBe('2015-01-12-aws-opsworks-orchestration-war-stories.md');
    const { data } = splitFrontMatter(file.text);
    expect(data.date).toBe('2015-01-12 10:00:00 +13:00');
    expect(data.speakers).toEqual(['Andrew Boag']);
    expect(splitFrontMatter(exportTalk(t, LCA, opts('hugo')).text).data.date).toBe('2015-01-12T10:00:00+13:00');
  });

  it('writes the date beside the time, in English whatever the device language', () => {
    const file = exportTalk(talks[0]!, LCA, opts('none', false));
    expect(file.text).toBe(
      `# AWS OpsWorks Orchestration War Stories\n\nAndrew Boag, Catalyst IT\n\nMon 12 Jan 2015, 10:00–10:30 · OGGB4 · Clouds, Containers, and Orchestration Miniconf\n\n${talks[0]!.body}`,
    );
  });

  it('turns CRLF line ends into LF and ends with one newline', () => {
    const t = talk({ title: 'Windows', body: 'one\r\ntwo\r\n\r\n\r\n' });
    expect(exportTalk(t, conference(), opts('none', false)).text).toBe('# Windows\n\none\ntwo\n');
  });

  it('is a title alone when nothing else is known', () => {
    expect(exportTalk(talk({ title: 'Bare' }), conference(), opts('none', false)).text).toBe('# Bare\n');
  });
});

const NASTY = [
  '# not a heading',
  '* not a list',
  '- leading dash',
  '-- double dash',
  '1. not ordered',
  '> not a quote',
  '_under_ and *star* and **bold**',
  '[not](a link) and ![not](an image)',
  '<b>not html</b> & &amp; entity',
  'key: "value" with \'quotes\'',
  'ends with #',
  'C# & F# — `code`',
  '=== setext?',
  '+ plus',
  '!important | pipe ~tilde~',
  'back\\slash',
  ': colon first',
  '"quoted"',
  "'single'",
  '? question',
  '@at %percent {brace} [x]: y',
];

describe.each(NASTY)('the nasty title %j', (title) => {
  const t = talk({ title, speakers: [{ name: title, affiliation: title }], room: title, tags: [title], body: 'Body.\n' });
  const c = conference({ name: title });

  it('reads back as itself in the Markdown heading, speakers line and day post', () => {
    const doc = exportTalk(t, c, opts('none', false)).text;
    const b = blocks(doc);
    expect(b[0]).toEqual(['heading 1', title.trim()]);
    expect(b[1]).toEqual(['paragraph', `${title}, ${title}`]);
    expect(b[b.length - 1]).toEqual(['paragraph', 'Body.']);
    const day = blocks(exportDay(c, [{ ...t, day: c.startDate }], c.startDate, { ...opts('none', false), leaveOutEmpty: false }).text);
    expect(day.find(([type]) => type === 'heading 2')).toEqual(['heading 2', title]);
  });

  it.each<Flavour>(['hugo', 'jekyll'])('reads back as itself from %s front matter', (flavour) => {
    const text = exportTalk(t, c, opts(flavour)).text;
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
    const data = parseYaml(yaml) as Record<string, unknown>;
    expect(data.title).toBe(title);
    expect(data.conference).toBe(title);
    expect(data.tags).toEqual([title]);
    expect(data.speakers).toEqual([title]);
  });

  it('makes a file name of plain ASCII', () => {
    expect(exportTalk(t, c, opts('jekyll')).name).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
  });
});

describe('a conference as files', () => {
  const c = { ...LCA };

  it('makes an index and one post per day, with the photos they show', () => {
    const out = exportConference(c, talks, { ...opts('jekyll'), perTalk: false, leaveOutEmpty: false });
    expect(out.files.map((f) => f.name)).toEqual(['index.md', '2015-01-12-linux-conf-au-2015-day-1.md', '2015-01-13-linux-conf-au-2015-day-2.md']);
    expect(out.photos).toEqual([{ sha256: PHOTO_SHA, path: `attachments/${PHOTO_SHA}.jpg` }]);
    expectGolden('conference-index-jekyll.md', out.files[0]!.text);
    // The index links each post relatively, so the unzipped folder previews anywhere.
    expect(out.files[0]!.text).toContain('- [linux.conf.au 2015 – Day 1](2015-01-12-linux-conf-au-2015-day-1.md)');
  });

  it('makes one file per talk when asked, unique names even for equal titles, private talks left out', () => {
    const twins = [...talks, talk({ conferenceId: c.id, title: 'Lightning talks', day: '2015-01-13', body: 'more\n' })];
    const out = exportConference(c, twins, { ...opts('none'), perTalk: true, leaveOutEmpty: false });
    const names = out.files.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('lightning-talks.md');
    expect(names).toContain('lightning-talks-2.md');
    expect(names).not.toContain('hallway-rant.md');
    expect(names).toHaveLength(1 + talks.filter((t) => !t.private).length + 1);
  });

  it('parses every file with CommonMark', () => {
    const out = exportConference(c, talks, { ...opts('hugo'), perTalk: true, leaveOutEmpty: true });
    for (const f of out.files) {
      expectClean(f.text);
      expect(() => new Parser().parse(f.text)).not.toThrow();
      expect(splitFrontMatter(f.text).data.title).toBeTruthy();
    }
  });
});

describe('pieces', () => {
  it.each([
    ['Día 1: CRDTs & you', 'dia-1-crdts-you'],
    ['  ', 'untitled'],
    ['日本語', 'untitled'],
    ['Ünïcödé — déjà vu', 'unicode-deja-vu'],
    ['x'.repeat(80), 'x'.repeat(60)],
  ])('slugify(%j) is %j', (text, slug) => expect(slugify(text)).toBe(slug));

  it('numbers names already used', () => {
    const used = new Set<string>();
    expect([uniqueName('a', '.md', used), uniqueName('a', '.md', used), uniqueName('a', '.md', used)]).toEqual(['a.md', 'a-2.md', 'a-3.md']);
  });

  it.each([
    ['2015-01-12', 'Mon 12 Jan 2015'],
    ['2026-02-01', 'Sun 1 Feb 2026'],
    ['', ''],
  ])('formatDayEn(%j) is %j', (day, text) => expect(formatDayEn(day)).toBe(text));

  it('escapes only what would be markup', () => {
    expect(escapeText('Ada Lovelace, Analytical Engines (R&D)')).toBe('Ada Lovelace, Analytical Engines (R\\&D)');
    expect(escapeText('2015. A year')).toBe('2015\\. A year');
  });

  it('makes photo links relative and back, keeping titles and other images', () => {
    const body = `![a](attachment:${PHOTO_SHA} "t")\n![b](https://x/y.png)\n![c](attachment:${'b'.repeat(64)})`;
    const out = relativePhotoLinks(body, (sha) => (sha === PHOTO_SHA ? 'image/webp' : 'image/png'));
    expect(out).toBe(`![a](attachments/${PHOTO_SHA}.webp "t")\n![b](https://x/y.png)\n![c](attachments/${'b'.repeat(64)}.png)`);
    expect(attachmentPhotoLinks(out)).toBe(body);
  });
});
