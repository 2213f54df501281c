import { Anchor, Group, Stack, Text } from '@mantine/core';

import { useAppLocale } from '../../../lib/app-locale';
import { formatDate } from '../../../lib/format';
import { useSchool } from '../../../lib/school-context';
import { useStudentReportCards } from '../../report-cards/api/list-student-report-cards';
import { reportCardPdfUrl } from '../api/report-card-pdf-url';
import { useMoreLink } from '../use-more-link';
import { usePortalT } from '../use-portal-t';

import { HomeBlock, QueryContent } from './home-block';

/** A student's published report cards, newest term first, each with its PDF. */
export function ReportCardsBlock({ studentId, order }: { studentId: string; order: 2 | 3 }) {
  const pt = usePortalT();
  const { locale } = useAppLocale();
  const school = useSchool();
  const cards = useStudentReportCards(studentId);
  const more = useMoreLink('report-cards', pt('portal.reportCards.more'));
  return (
    <HomeBlock title={pt('portal.reportCards.heading')} order={order} more={more}>
      <QueryContent query={cards}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm">{pt('portal.reportCards.none')}</Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {data.items.slice(0, 4).map((card) => (
                <Group
                  component="li"
                  key={card.termId}
                  justify="space-between"
                  gap="sm"
                  wrap="nowrap"
                  align="flex-start"
                >
                  <Stack gap={0} style={{ minInlineSize: 0 }}>
                    <Text size="sm" fw={600}>
                      {card.termName} · {card.academicYearName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {pt('portal.reportCards.publishedOn', {
                        date: formatDate(card.publishedAt, locale, school.timezone),
                      })}
                    </Text>
                  </Stack>
                  <Anchor
                    href={reportCardPdfUrl(card.termId, studentId, locale)}
                    download
                    size="sm"
                    fw={600}
                    style={{ whiteSpace: 'nowrap' }}
                    aria-label={pt('portal.reportCards.downloadFor', {
                      term: card.termName,
                      year: card.academicYearName,
                    })}
                  >
                    {pt('portal.reportCards.download')}
                  </Anchor>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryContent>
    </HomeBlock>
  );
}
