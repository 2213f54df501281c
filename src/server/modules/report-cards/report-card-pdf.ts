import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { PDF_LABELS, type PdfLabels, type PdfLocale } from './pdf-labels.js';
import {
  visualRuns,
  wrapText,
  type Direction,
  type RunFont,
  type VisualRun,
} from './pdf-text-layout.js';
import type { ReportCardContent } from './report-card-content.js';
import { woffToSfnt } from './woff-font.js';

// Draws a report card on A4 with PDFKit. In Arabic the whole page is mirrored: text starts on
// the right and the table's columns run from right to left. Every string goes through
// pdf-text-layout.ts, which orders mixed Arabic/Latin runs and picks the Cairo subset for each.

type Weight = 400 | 700;

const FONT_FILES: Record<`${RunFont}-${Weight}`, string> = {
  'arabic-400': 'cairo-arabic-400-normal.woff',
  'arabic-700': 'cairo-arabic-700-normal.woff',
  'latin-400': 'cairo-latin-400-normal.woff',
  'latin-700': 'cairo-latin-700-normal.woff',
  'latinExt-400': 'cairo-latin-ext-400-normal.woff',
  'latinExt-700': 'cairo-latin-ext-700-normal.woff',
};

/**
 * The fontkit that PDFKit itself uses. PDFKit accepts a font it parsed as a font source,
 * though its type definitions only list bytes and paths.
 */
interface Fontkit {
  create(bytes: Uint8Array): PDFKit.Mixins.PDFFontSource;
}

let loaded: Map<string, PDFKit.Mixins.PDFFontSource> | null = null;

/**
 * The fonts, read, unpacked and parsed once per process and shared by every card: parsing a
 * face's layout tables costs more than drawing a whole card, and documents are drawn one at a
 * time (synchronously), so sharing the parsed fonts is safe.
 */
function fonts(): Map<string, PDFKit.Mixins.PDFFontSource> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
    loaded = new Map(
      Object.entries(FONT_FILES).map(([name, file]) => [
        name,
        fontkit.create(
          woffToSfnt(readFileSync(require.resolve(`@fontsource/cairo/files/${file}`))),
        ),
      ]),
    );
  }
  return loaded;
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;
const INK = '#1a1a1a';
const MUTED = '#5c5f66';
const RULE = '#c9ccd1';
const SHADE = '#eef0f3';

interface Style {
  size: number;
  bold?: boolean;
  color?: string;
}

type Align = 'start' | 'end' | 'center';

/** A box measured from the start edge (left in English, right in Arabic). */
interface Span {
  start: number;
  width: number;
}

class PageWriter {
  y = PAGE.margin;
  private readonly widths = new Map<string, number>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly dir: Direction,
  ) {}

  private use(font: RunFont, style: Style): void {
    this.doc
      .font(`${font}-${style.bold ? 700 : 400}`)
      .fontSize(style.size)
      .fillColor(style.color ?? INK);
  }

  /** The left edge on the page of a span measured from the start edge. */
  left(span: Span): number {
    return this.dir === 'rtl'
      ? PAGE.margin + CONTENT_WIDTH - span.start - span.width
      : PAGE.margin + span.start;
  }

  private runWidth(run: VisualRun, style: Style): number {
    // Wrapping measures the same words over and over; shaping them once is enough.
    const key = `${run.font}|${style.bold ? 7 : 4}|${style.size}|${run.text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.use(run.font, style);
      width = this.doc.widthOfString(run.text);
      this.widths.set(key, width);
    }
    return width;
  }

  width(text: string, style: Style): number {
    return visualRuns(text, this.dir).reduce((sum, run) => sum + this.runWidth(run, style), 0);
  }

  lineHeight(style: Style): number {
    return style.size * 1.55;
  }

  /** One line of text inside the span, at `y`. */
  line(text: string, span: Span, y: number, style: Style, align: Align = 'start'): void {
    const runs = visualRuns(text, this.dir);
    const total = runs.reduce((sum, run) => sum + this.runWidth(run, style), 0);
    const left = this.left(span);
    const startsLeft = (align === 'start') === (this.dir === 'ltr');
    let x =
      align === 'center'
        ? left + (span.width - total) / 2
        : startsLeft
          ? left
          : left + span.width - total;
    for (const run of runs) {
      this.use(run.font, style);
      this.doc.text(run.text, x, y, { lineBreak: false });
      x += this.runWidth(run, style);
    }
  }

  lines(text: string, span: Span, style: Style): string[] {
    return wrapText(text, span.width, (candidate) => this.width(candidate, style));
  }

  /** Starts a new page when `height` more does not fit on this one. */
  ensure(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.doc.addPage();
    this.y = PAGE.margin;
    return true;
  }

  /** A wrapped paragraph across the content width, breaking pages between lines. */
  paragraph(text: string, style: Style): void {
    const span = { start: 0, width: CONTENT_WIDTH };
    const height = this.lineHeight(style);
    for (const line of this.lines(text, span, style)) {
      this.ensure(height);
      this.line(line, span, this.y, style);
      this.y += height;
    }
  }

  heading(text: string): void {
    const style = { size: 13, bold: true };
    this.ensure(this.lineHeight(style) * 3);
    this.line(text, { start: 0, width: CONTENT_WIDTH }, this.y, style);
    this.y += this.lineHeight(style) + 2;
  }

  rule(y: number, color = RULE): void {
    this.doc
      .moveTo(PAGE.margin, y)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y)
      .lineWidth(0.6)
      .strokeColor(color)
      .stroke();
  }

  shade(y: number, height: number): void {
    this.doc.rect(PAGE.margin, y, CONTENT_WIDTH, height).fill(SHADE);
  }
}

function formatPercent(value: number | null, labels: PdfLabels): string {
  return value === null ? labels.noGrade : `${Number(value.toFixed(2))}%`;
}

function dateOnly(iso: string): string {
  return iso.slice(0, 10);
}

interface Column {
  key: 'subject' | 'teacher' | 'average' | 'band' | 'comment';
  label: string;
  span: Span;
}

function classColumns(labels: PdfLabels): Column[] {
  const widths: [Column['key'], string, number][] = [
    ['subject', labels.subjectClass, 128],
    ['teacher', labels.teacher, 96],
    ['average', labels.average, 58],
    ['band', labels.band, 48],
    ['comment', labels.comment, CONTENT_WIDTH - 330],
  ];
  let start = 0;
  return widths.map(([key, label, width]) => {
    const column = { key, label, span: { start, width } };
    start += width;
    return column;
  });
}

const PAD = 5;

function inset(span: Span): Span {
  return { start: span.start + PAD, width: span.width - 2 * PAD };
}

function drawFacts(w: PageWriter, facts: [string, string][], column: Span): number {
  const labelStyle = { size: 8, color: MUTED };
  const valueStyle = { size: 11, bold: true };
  let y = w.y;
  for (const [label, value] of facts) {
    w.line(label, column, y, labelStyle);
    y += w.lineHeight(labelStyle);
    for (const line of w.lines(value, column, valueStyle)) {
      w.line(line, column, y, valueStyle);
      y += w.lineHeight(valueStyle);
    }
    y += 4;
  }
  return y;
}

function drawHeader(w: PageWriter, card: ReportCardContent, labels: PdfLabels): void {
  const full = { start: 0, width: CONTENT_WIDTH };
  const schoolStyle = { size: 12, color: MUTED, bold: true };
  w.line(card.school.name, full, w.y, schoolStyle);
  w.y += w.lineHeight(schoolStyle);
  const titleStyle = { size: 22, bold: true };
  w.line(labels.reportCard, full, w.y, titleStyle);
  w.y += w.lineHeight(titleStyle) + 4;
  w.rule(w.y);
  w.y += 10;

  const half = CONTENT_WIDTH / 2;
  const student = card.student;
  const group = [student.gradeLevelName, student.sectionName].filter(Boolean).join(' · ');
  const leftEnd = drawFacts(
    w,
    [
      [labels.student, `${student.firstName} ${student.lastName}`],
      [labels.admissionNumber, student.studentNumber],
      [labels.gradeSection, group || labels.noGrade],
    ],
    { start: 0, width: half - 12 },
  );
  const rightEnd = drawFacts(
    w,
    [
      [labels.academicYear, card.term.academicYearName],
      [labels.term, card.term.name],
      [labels.dates, `${card.term.startsOn}${labels.dateRangeSeparator}${card.term.endsOn}`],
    ],
    { start: half, width: half },
  );
  w.y = Math.max(leftEnd, rightEnd) + 6;
}

function drawClassTable(w: PageWriter, card: ReportCardContent, labels: PdfLabels): void {
  w.heading(labels.classes);
  if (card.classes.length === 0) {
    w.paragraph(labels.noClasses, { size: 10, color: MUTED });
    w.y += 8;
    return;
  }
  const columns = classColumns(labels);
  const headStyle = { size: 8.5, bold: true, color: MUTED };
  const drawHead = () => {
    const height = w.lineHeight(headStyle) + 2 * PAD;
    w.shade(w.y, height);
    for (const column of columns) {
      const align = column.key === 'average' || column.key === 'band' ? 'center' : 'start';
      w.line(column.label, inset(column.span), w.y + PAD, headStyle, align);
    }
    w.y += height;
  };
  drawHead();

  const nameStyle = { size: 10, bold: true };
  const subjectStyle = { size: 8, color: MUTED };
  const cellStyle = { size: 9 };
  const numberStyle = { size: 10, bold: true };
  for (const line of card.classes) {
    const cells = new Map<Column['key'], { lines: string[]; style: Style }[]>();
    for (const column of columns) {
      const box = inset(column.span);
      const parts: { lines: string[]; style: Style }[] = [];
      if (column.key === 'subject') {
        parts.push({ lines: w.lines(line.className, box, nameStyle), style: nameStyle });
        if (line.subjectName !== line.className) {
          parts.push({ lines: w.lines(line.subjectName, box, subjectStyle), style: subjectStyle });
        }
      } else if (column.key === 'teacher') {
        const names = line.teacherNames.join(labels.listSeparator) || labels.noGrade;
        parts.push({ lines: w.lines(names, box, cellStyle), style: cellStyle });
      } else if (column.key === 'average') {
        parts.push({ lines: [formatPercent(line.average, labels)], style: numberStyle });
      } else if (column.key === 'band') {
        parts.push({ lines: [line.band ?? labels.noGrade], style: numberStyle });
      } else {
        const comment = line.comment ?? '';
        parts.push({ lines: comment ? w.lines(comment, box, cellStyle) : [], style: cellStyle });
      }
      cells.set(column.key, parts);
    }
    const heightOf = (parts: { lines: string[]; style: Style }[]) =>
      parts.reduce((sum, p) => sum + p.lines.length * w.lineHeight(p.style), 0);
    const rowHeight =
      Math.max(...[...cells.values()].map(heightOf), w.lineHeight(nameStyle)) + 2 * PAD;
    if (w.ensure(rowHeight)) drawHead();
    for (const column of columns) {
      const align = column.key === 'average' || column.key === 'band' ? 'center' : 'start';
      let y = w.y + PAD;
      for (const part of cells.get(column.key) ?? []) {
        for (const text of part.lines) {
          w.line(text, inset(column.span), y, part.style, align);
          y += w.lineHeight(part.style);
        }
      }
    }
    w.y += rowHeight;
    w.rule(w.y);
  }
  w.y += 14;
}

function drawAttendance(w: PageWriter, card: ReportCardContent, labels: PdfLabels): void {
  w.heading(labels.attendance);
  const a = card.attendance;
  const facts: [string, string][] = [
    [labels.present, String(a.present)],
    [labels.absent, String(a.absent)],
    [labels.late, String(a.late)],
    [labels.excused, String(a.excused)],
    [labels.total, String(a.total)],
    [labels.rate, formatPercent(a.ratePercent, labels)],
  ];
  const labelStyle = { size: 8.5, color: MUTED };
  const valueStyle = { size: 12, bold: true };
  const width = CONTENT_WIDTH / facts.length;
  const height = w.lineHeight(labelStyle) + w.lineHeight(valueStyle) + 2 * PAD;
  w.ensure(height);
  w.shade(w.y, height);
  facts.forEach(([label, value], i) => {
    const span = inset({ start: i * width, width });
    w.line(label, span, w.y + PAD, labelStyle, 'center');
    w.line(value, span, w.y + PAD + w.lineHeight(labelStyle), valueStyle, 'center');
  });
  w.y += height + 14;
}

function drawHomeroom(w: PageWriter, card: ReportCardContent, labels: PdfLabels): void {
  w.heading(labels.homeroomComment);
  const comment = card.homeroomComment;
  if (!comment) {
    w.paragraph(labels.noComment, { size: 10, color: MUTED });
  } else {
    w.paragraph(comment.body, { size: 10 });
    w.paragraph(`— ${comment.authorName}`, { size: 9, color: MUTED });
  }
  w.y += 14;
}

function drawFooter(w: PageWriter, card: ReportCardContent, labels: PdfLabels): void {
  const labelStyle = { size: 8, color: MUTED };
  const valueStyle = { size: 8, color: INK };
  const facts: [string, string | null][] = [
    [labels.generatedOn, dateOnly(card.generatedAt)],
    [labels.gradingScale, card.scaleName],
  ];
  w.ensure(w.lineHeight(labelStyle) * facts.length + 8);
  w.rule(w.y);
  w.y += 6;
  for (const [label, value] of facts) {
    if (value === null) continue;
    // Label and value are drawn apart, so a date is never reordered by the words beside it.
    const labelWidth = w.width(label, labelStyle) + 6;
    w.line(label, { start: 0, width: labelWidth }, w.y, labelStyle);
    w.line(value, { start: labelWidth, width: CONTENT_WIDTH - labelWidth }, w.y, valueStyle);
    w.y += w.lineHeight(labelStyle);
  }
}

/** The card as a PDF document, in English or Arabic (mirrored, right to left). */
export function renderReportCardPdf(card: ReportCardContent, locale: PdfLocale): Promise<Buffer> {
  const labels = PDF_LABELS[locale];
  const name = `${card.student.firstName} ${card.student.lastName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    // No standard font: every run is drawn in Cairo, so skip loading Helvetica's metrics.
    font: '',
    lang: locale,
    displayTitle: true,
    info: {
      Title: `${labels.reportCard} — ${name} — ${card.term.name}`,
      Author: card.school.name,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [fontName, bytes] of fonts()) doc.registerFont(fontName, bytes);

  const w = new PageWriter(doc, locale === 'ar' ? 'rtl' : 'ltr');
  drawHeader(w, card, labels);
  drawClassTable(w, card, labels);
  drawAttendance(w, card, labels);
  drawHomeroom(w, card, labels);
  drawFooter(w, card, labels);
  doc.end();
  return done;
}
