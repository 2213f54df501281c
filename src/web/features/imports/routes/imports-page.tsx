import {
  Alert,
  Anchor,
  Button,
  Group,
  Input,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { ImportKind, ImportResult } from '../../../../shared/contracts/imports.js';
import { PageHeader } from '../../../components/page-header';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { SuccessAlert } from '../../../components/success-alert';
import { useCommitImport } from '../api/commit-import';
import { usePreviewImport } from '../api/preview-import';
import { errorsCsv } from '../errors-csv';
import { exportPath, IMPORT_KINDS, isImportKind } from '../import-kinds';
import { readCsvFile } from '../read-csv-file';
import type { CsvFileProblem } from '../read-csv-file';

interface ChosenFile {
  name: string;
  text: string;
}

/**
 * Choose a kind and a CSV file, check it (nothing is written), then import it: every row in
 * one transaction, or none. The file is read in the browser and sent as the request body.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const fileId = useId();
  const preview = usePreviewImport();
  const commit = useCommitImport();
  const [kind, setKind] = useState<ImportKind>('students');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<CsvFileProblem | null>(null);

  // A new kind or file makes the last check and the last import stale.
  function resetResults() {
    preview.reset();
    commit.reset();
  }

  async function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    resetResults();
    setFile(null);
    setFileProblem(null);
    const chosen = event.currentTarget.files?.[0];
    if (!chosen) return;
    const read = await readCsvFile(chosen);
    if (read.ok) setFile({ name: chosen.name, text: read.text });
    else setFileProblem(read.problem);
  }

  const checked = preview.data;
  const canImport = file !== null && checked?.valid === true && !commit.isSuccess;

  return (
    <Stack gap="lg">
      <PageHeader title={t('imports.heading')} description={t('imports.intro')} />

      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <NativeSelect
            label={t('imports.kind')}
            value={kind}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (!isImportKind(value)) return;
              setKind(value);
              resetResults();
            }}
            data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            maw={360}
          />
          <Input.Wrapper
            id={fileId}
            label={t('imports.file')}
            description={t('imports.fileHint')}
            error={fileProblem ? t(`imports.fileProblems.${fileProblem}`) : undefined}
          >
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              aria-invalid={fileProblem !== null}
              aria-describedby={
                fileProblem ? `${fileId}-error ${fileId}-description` : `${fileId}-description`
              }
              onChange={(e) => void onFileChange(e)}
              style={{ display: 'block', marginBlockStart: 'var(--mantine-spacing-xs)' }}
            />
          </Input.Wrapper>
          <Group gap="sm">
            <Button
              disabled={file === null || preview.isPending}
              loading={preview.isPending}
              onClick={() => {
                if (!file) return;
                commit.reset();
                preview.mutate({ kind, csv: file.text });
              }}
            >
              {t('imports.check')}
            </Button>
            <Button
              color="green"
              disabled={!canImport || commit.isPending}
              loading={commit.isPending}
              onClick={() => {
                if (file) commit.mutate({ kind, csv: file.text });
              }}
            >
              {t('imports.import')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <RecordErrorAlert error={preview.error ?? commit.error} />
      {commit.data ? (
        <ImportDone result={commit.data} />
      ) : (
        checked && <CheckResult result={checked} fileName={file?.name ?? ''} />
      )}

      <ExportLinks />
    </Stack>
  );
}

/** What the file would do (after a check) or did (after the import). */
function SummaryFacts({ result, done = false }: { result: ImportResult; done?: boolean }) {
  const { t } = useTranslation();
  const facts = [
    { label: t('imports.summary.rows'), value: result.rows },
    {
      label: done ? t('imports.summary.createdDone') : t('imports.summary.created'),
      value: result.summary.created,
    },
    {
      label: done ? t('imports.summary.updatedDone') : t('imports.summary.updated'),
      value: result.summary.updated,
    },
    { label: t('imports.summary.unchanged'), value: result.summary.unchanged },
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="md" m={0}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <Text component="dt" size="sm" c="dimmed">
            {fact.label}
          </Text>
          <Text component="dd" m={0} size="xl" fw={600}>
            {fact.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function CheckResult({ result, fileName }: { result: ImportResult; fileName: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {t('imports.checkHeading')}
        </Title>
        {result.valid ? (
          <Alert color="green" variant="light" role="status">
            {t('imports.ready', { number: result.rows })}
          </Alert>
        ) : (
          <Alert color="red" variant="light" role="alert">
            {t('imports.notReady', { number: result.errorCount })}
          </Alert>
        )}
        <SummaryFacts result={result} />
        {result.errors.length > 0 && <ProblemsTable result={result} fileName={fileName} />}
      </Stack>
    </Paper>
  );
}

function ProblemsTable({ result, fileName }: { result: ImportResult; fileName: string }) {
  const { t } = useTranslation();

  function downloadErrors() {
    const csv = errorsCsv(result.errors, {
      row: t('imports.problems.row'),
      column: t('imports.problems.column'),
      message: t('imports.problems.message'),
    });
    // A byte order mark, so spreadsheets open the file as UTF-8 (Arabic column names included).
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${fileName.replace(/\.csv$/i, '') || result.kind}-problems.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        {result.errorCount > result.errors.length ? (
          <Text size="sm">
            {t('imports.problems.listed', {
              listed: result.errors.length,
              total: result.errorCount,
            })}
          </Text>
        ) : (
          <span />
        )}
        <Button variant="light" onClick={downloadErrors}>
          {t('imports.downloadErrors')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('imports.problems.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.problems.row')}</Table.Th>
              <Table.Th scope="col">{t('imports.problems.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.problems.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((issue, index) => (
              <Table.Tr key={`${issue.row}-${issue.column ?? ''}-${index}`}>
                <Table.Td>{issue.row === 0 ? t('imports.problems.header') : issue.row}</Table.Td>
                <Table.Td>
                  {issue.column ? <bdi>{issue.column}</bdi> : t('imports.problems.wholeRow')}
                </Table.Td>
                <Table.Td>
                  <bdi>{issue.message}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function ImportDone({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {t('imports.doneHeading')}
        </Title>
        <SuccessAlert>
          {t('imports.done', { kind: t(`imports.kinds.${result.kind}`), number: result.rows })}
        </SuccessAlert>
        <SummaryFacts result={result} done />
      </Stack>
    </Paper>
  );
}

function ExportLinks() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {t('imports.exportHeading')}
      </Title>
      <Text c="dimmed" mb="sm" maw="70ch">
        {t('imports.exportIntro')}
      </Text>
      <List spacing="xs">
        {IMPORT_KINDS.map((kind) => (
          <List.Item key={kind}>
            <Anchor href={exportPath(kind)} download>
              {t('imports.exportLink', { kind: t(`imports.kinds.${kind}`) })}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
