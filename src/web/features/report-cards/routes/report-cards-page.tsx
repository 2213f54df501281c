import { NativeSelect, Stack, Tabs } from '@mantine/core';
import { useMemo, useState } from 'react';

import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RecordErrorAlert } from '../../../components/record-error-alert';
import { todayIn } from '../../../lib/calendar-date';
import { hasPermission } from '../../../lib/permissions';
import { useSchool } from '../../../lib/school-context';
import { useAcademicYears } from '../../academics/api/academic-years';
import { useTerms } from '../../academics/api/terms';
import { useCurrentMe } from '../../auth/api/get-me';
import { CommentsPanel } from '../components/comments-panel';
import { FamilyPanel } from '../components/family-panel';
import { OverviewPanel } from '../components/overview-panel';
import { defaultTermId } from '../term-choice';
import { useReportCardsT } from '../use-report-cards-t';

/**
 * Admins and teachers work on a term's cards (overview and previews, comments; admins also
 * publish); students and guardians download the cards once published.
 */
export function ReportCardsPage() {
  const rt = useReportCardsT();
  const me = useCurrentMe();
  const scopes = me.scopes['report-cards:read'] ?? [];
  const staff = scopes.includes('all') || scopes.includes('own-classes');

  if (!staff) {
    return (
      <Stack gap="lg">
        <PageHeader
          title={rt('nav.reportCards')}
          description={rt('reportCards.familyDescription')}
        />
        <FamilyPanel guardian={scopes.includes('children')} />
      </Stack>
    );
  }
  return <StaffReportCards canComment={hasPermission(me, 'report-cards:comment')} />;
}

function StaffReportCards({ canComment }: { canComment: boolean }) {
  const rt = useReportCardsT();
  const me = useCurrentMe();
  const school = useSchool();
  const terms = useTerms();
  const years = useAcademicYears();
  const canPublish = hasPermission(me, 'report-cards:publish');
  const wholeSchool = (me.scopes['report-cards:read'] ?? []).includes('all');
  const [chosen, setChosen] = useState('');

  const options = useMemo(() => {
    const yearName = new Map((years.data ?? []).map((y) => [y.id, y.name]));
    return [...(terms.data ?? [])]
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
      .map((term) => ({
        value: term.id,
        label: [term.name, yearName.get(term.academicYearId)].filter(Boolean).join(' · '),
      }));
  }, [terms.data, years.data]);
  const termId =
    terms.data?.some((term) => term.id === chosen) === true
      ? chosen
      : defaultTermId(terms.data ?? [], todayIn(school.timezone));
  const termName = options.find((o) => o.value === termId)?.label ?? '';

  return (
    <Stack gap="lg">
      <PageHeader title={rt('nav.reportCards')} description={rt('reportCards.description')} />
      {terms.isPending ? (
        <PageLoader />
      ) : terms.isError ? (
        <RecordErrorAlert error={terms.error} />
      ) : (
        <>
          <NativeSelect
            label={rt('reportCards.term')}
            value={termId}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={
              options.length > 0 ? options : [{ value: '', label: rt('reportCards.chooseTerm') }]
            }
            maw={360}
          />
          {termId !== '' && (
            <Tabs
              defaultValue={wholeSchool || !canComment ? 'overview' : 'comments'}
              keepMounted={false}
            >
              <Tabs.List>
                <Tabs.Tab value="overview">{rt('reportCards.tabs.overview')}</Tabs.Tab>
                {canComment && (
                  <Tabs.Tab value="comments">{rt('reportCards.tabs.comments')}</Tabs.Tab>
                )}
              </Tabs.List>
              <Tabs.Panel value="overview" pt="md">
                <OverviewPanel
                  key={termId}
                  termId={termId}
                  termName={termName}
                  canPublish={canPublish}
                />
              </Tabs.Panel>
              {canComment && (
                <Tabs.Panel value="comments" pt="md">
                  <CommentsPanel key={termId} termId={termId} />
                </Tabs.Panel>
              )}
            </Tabs>
          )}
        </>
      )}
    </Stack>
  );
}
