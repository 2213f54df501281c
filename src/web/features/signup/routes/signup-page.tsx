import {
  Anchor,
  Button,
  Container,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { SlugAvailability } from '../../../../shared/contracts/signup.js';
import { BrandHeader } from '../../../components/brand-header';
import { ErrorAlert } from '../../../components/error-alert';
import { LanguageSwitch } from '../../../components/language-switch';
import { PageHeader } from '../../../components/page-header';
import { PasswordField } from '../../../components/password-field';
import { SkipLink } from '../../../components/skip-link';
import { hasErrorCode, isApiError } from '../../../lib/api-client';
import { useAppLocale } from '../../../lib/app-locale';
import { formatMinutes, isolateLtr, minutesToWait } from '../../../lib/format';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../../lib/locale';
import { followInPage } from '../../../lib/location-path';
import { isSlugProblem, slugErrorMessage, slugProblemMessage } from '../../../lib/slug-problems';
import type { SlugProblem } from '../../../lib/slug-problems';
import { useForm, useServerFieldErrors } from '../../../lib/use-form';
import type { FieldErrors } from '../../../lib/use-form';
import {
  looksLikeEmail,
  PASSWORD_MIN_LENGTH,
  SCHOOL_NAME_MIN_LENGTH,
  SLUG_MAX_LENGTH,
} from '../../../lib/validation';
import { webUrlOrNull } from '../../../lib/web-url';
import { HOME_PATH } from '../../marketing/paths';
import { useSlugAvailability } from '../api/check-slug-availability';
import { useSignupChallenge } from '../api/get-signup-challenge';
import type { ReceivedChallenge } from '../api/get-signup-challenge';
import { useSignUp } from '../api/sign-up';
import { expectedAttempts, ProofOfWorkUnavailableError, solveProofOfWork } from '../proof-of-work';
import { normaliseSlug, schoolHost, suggestSlug } from '../school-address';

export function SignupPage() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLDivElement>(null);

  // Reached from the landing page without a reload: start reading at the new page.
  useEffect(() => mainRef.current?.focus(), []);

  return (
    <>
      <SkipLink />
      <BrandHeader>
        <Group justify="space-between" wrap="nowrap">
          <Anchor
            href={HOME_PATH}
            onClick={(event) => followInPage(event, HOME_PATH)}
            c="inherit"
            fw={700}
            size="lg"
            underline="never"
          >
            {t('product.name')}
          </Anchor>
          <LanguageSwitch />
        </Group>
      </BrandHeader>
      <Container ref={mainRef} component="main" id="main" tabIndex={-1} size="sm" py="xl">
        <Stack gap="lg">
          <PageHeader title={t('signup.heading')} description={t('signup.intro')} />
          <SignupForm />
        </Stack>
      </Container>
    </>
  );
}

const FIELDS = ['schoolName', 'slug', 'adminName', 'email', 'password', 'locale'] as const;
// A challenge lives 15 minutes on the server; an older one is replaced before use.
const CHALLENGE_MAX_AGE_MS = 10 * 60_000;
// notBefore is in the server's clock; a browser clock far behind must not stall the form.
const MAX_WAIT_MS = 60_000;

type Phase = 'idle' | 'proving' | 'waiting' | 'sending' | 'opening';

interface SignupValues {
  schoolName: string;
  slug: string;
  adminName: string;
  email: string;
  password: string;
  locale: string;
}

function readyAt(challenge: ReceivedChallenge): number {
  const wait = Date.parse(challenge.notBefore) - challenge.receivedAt;
  return challenge.receivedAt + Math.min(Math.max(0, Number.isNaN(wait) ? 0 : wait), MAX_WAIT_MS);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function SignupForm() {
  const { t } = useTranslation();
  const { locale } = useAppLocale();
  const challenge = useSignupChallenge();
  const signUp = useSignUp();
  const form = useForm<SignupValues>({
    schoolName: '',
    slug: '',
    adminName: '',
    email: '',
    password: '',
    locale,
  });
  const [slugEdited, setSlugEdited] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);
  const serverErrors = useServerFieldErrors(signUp.error, FIELDS);

  const slug = normaliseSlug(form.values.slug);
  const [checkedSlug] = useDebouncedValue(slug, 300);
  const availability = useSlugAvailability(checkedSlug);
  const marketingHost = window.location.host;
  const address = (value: string) => isolateLtr(schoolHost(value, marketingHost), locale);

  const slugProblemText = (problem: SlugProblem, value: string) =>
    slugProblemMessage(t, problem, address(value));

  const known: SlugAvailability | undefined =
    availability.data?.slug === slug ? availability.data : undefined;
  const busy = phase !== 'idle';

  function onSchoolNameChange(value: string) {
    form.setValue('schoolName', value);
    if (!slugEdited) form.setValue('slug', suggestSlug(value));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setLocalError(null);
    const values = form.values;
    const found: FieldErrors<SignupValues> = {};
    const schoolName = values.schoolName.trim();
    if (!schoolName) found.schoolName = t('validation.required');
    else if (schoolName.length < SCHOOL_NAME_MIN_LENGTH)
      found.schoolName = t('validation.tooShort');
    if (!slug) found.slug = t('validation.required');
    else if (known && !known.available && isSlugProblem(known.reason)) {
      found.slug = slugProblemText(known.reason, slug);
    }
    if (!values.adminName.trim()) found.adminName = t('validation.required');
    if (!values.email.trim()) found.email = t('validation.required');
    else if (!looksLikeEmail(values.email)) found.email = t('validation.email');
    if (values.password.length < PASSWORD_MIN_LENGTH) {
      found.password = t('validation.passwordMin', { min: PASSWORD_MIN_LENGTH });
    }
    if (!form.check(found)) return;

    signUp.reset();
    setProgress(0);
    setPhase('proving');
    let leaving = false;
    try {
      let current = challenge.data;
      if (!current || Date.now() - current.receivedAt > CHALLENGE_MAX_AGE_MS) {
        current = (await challenge.refetch({ throwOnError: true })).data;
      }
      if (!current) throw new Error('No sign-up challenge.');
      const expected = expectedAttempts(current.bits);
      const nonce = await solveProofOfWork(current.challenge, current.bits, {
        onProgress: (tried) => setProgress(Math.min(95, Math.round((tried / expected) * 100))),
      });
      setProgress(100);
      const wait = readyAt(current) - Date.now();
      if (wait > 0) {
        setPhase('waiting');
        await sleep(wait);
      }
      setPhase('sending');
      const result = await signUp.mutateAsync({
        schoolName,
        slug,
        adminName: values.adminName.trim(),
        email: values.email.trim(),
        password: values.password,
        locale: isLocale(values.locale) ? values.locale : 'en',
        proof: { challenge: current.challenge, nonce },
      });
      const target = webUrlOrNull(result.signInUrl);
      if (target) {
        leaving = true;
        setPhase('opening');
        window.location.assign(target);
      } else {
        setLocalError(t('signup.badUrl'));
      }
    } catch (error) {
      if (error instanceof ProofOfWorkUnavailableError) setLocalError(t('signup.noCrypto'));
      else if (!isApiError(error)) setLocalError(t('apiErrors.unknown'));
      form.focusFirstError();
    } finally {
      if (!leaving) {
        setPhase('idle');
        // A challenge is good for one attempt, whatever came of it.
        void challenge.refetch();
      }
    }
  }

  const error = signUp.error ?? (challenge.isError ? challenge.error : null);
  const slugTaken = hasErrorCode(error, 'SLUG_TAKEN');
  const weak = hasErrorCode(error, 'PASSWORD_TOO_WEAK');
  const slugServerError = slugErrorMessage(t, error, address(slug)) ?? serverErrors.slug;

  let message: string | undefined;
  if (hasErrorCode(error, 'RATE_LIMITED')) {
    message =
      error.retryAfter === null
        ? t('apiErrors.RATE_LIMITED')
        : t('signup.rateLimited', {
            wait: formatMinutes(minutesToWait(error.retryAfter), locale),
          });
  }
  const showAlert = error !== null && !slugTaken && !weak;

  return (
    <Paper withBorder radius="md" p="xl">
      <form ref={form.formRef} onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          {showAlert && <ErrorAlert error={error} message={message} />}
          {localError && <ErrorAlert error={true} message={localError} />}
          <TextInput
            label={t('signup.schoolName')}
            required
            maxLength={120}
            autoComplete="organization"
            value={form.values.schoolName}
            onChange={(e) => onSchoolNameChange(e.currentTarget.value)}
            error={form.errors.schoolName ?? serverErrors.schoolName}
          />
          <TextInput
            label={t('signup.slug')}
            required
            maxLength={SLUG_MAX_LENGTH}
            dir="ltr"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={form.values.slug}
            onChange={(e) => {
              setSlugEdited(true);
              form.setValue('slug', e.currentTarget.value);
            }}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={
              <SlugStatus
                slug={slug}
                address={address(slug)}
                checking={slug !== checkedSlug || availability.isFetching}
                known={known}
                failed={availability.isError}
                problemText={(problem) => slugProblemText(problem, slug)}
              />
            }
            error={form.errors.slug ?? slugServerError}
          />
          <TextInput
            label={t('signup.adminName')}
            required
            maxLength={200}
            autoComplete="name"
            value={form.values.adminName}
            onChange={(e) => form.setValue('adminName', e.currentTarget.value)}
            error={form.errors.adminName ?? serverErrors.adminName}
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            value={form.values.email}
            onChange={(e) => form.setValue('email', e.currentTarget.value)}
            error={form.errors.email ?? serverErrors.email}
          />
          <PasswordField
            label={t('auth.password')}
            description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            required
            autoComplete="new-password"
            value={form.values.password}
            onChange={(e) => form.setValue('password', e.currentTarget.value)}
            error={
              form.errors.password ??
              serverErrors.password ??
              (weak ? t('apiErrors.PASSWORD_TOO_WEAK') : undefined)
            }
          />
          <NativeSelect
            label={t('language.label')}
            description={t('signup.languageHint')}
            value={form.values.locale}
            onChange={(e) => form.setValue('locale', e.currentTarget.value)}
            data={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
            error={serverErrors.locale}
          />
          {busy && <SubmitProgress phase={phase} progress={progress} />}
          <Group>
            <Button type="submit" loading={busy} disabled={busy}>
              {t('signup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

interface SlugStatusProps {
  slug: string;
  address: string;
  checking: boolean;
  known: SlugAvailability | undefined;
  failed: boolean;
  problemText: (problem: SlugProblem) => string;
}

/** Read out politely as it changes, so the answer is heard without leaving the field. */
function SlugStatus({ slug, address, checking, known, failed, problemText }: SlugStatusProps) {
  const { t } = useTranslation();
  let text: string;
  let color: string | undefined;
  if (slug === '') {
    text = t('signup.slugHint');
  } else if (known && !checking) {
    if (known.available) {
      text = t('signup.availability.available', { address });
      color = 'green.9';
    } else {
      text = isSlugProblem(known.reason) ? problemText(known.reason) : t('validation.invalid');
      color = 'red.9';
    }
  } else if (failed && !checking) {
    text = t('signup.availability.failed');
  } else {
    text = t('signup.availability.checking', { address });
  }
  return (
    <Text span size="sm" c={color} role="status" aria-live="polite">
      {text}
    </Text>
  );
}

function SubmitProgress({ phase, progress }: { phase: Phase; progress: number }) {
  const { t } = useTranslation();
  const text =
    phase === 'proving'
      ? t('signup.proving')
      : phase === 'waiting'
        ? t('signup.waiting')
        : phase === 'sending'
          ? t('signup.sending')
          : t('signup.opening');
  return (
    <Stack gap={6}>
      <Text size="sm" role="status" aria-live="polite">
        {text}
      </Text>
      <Progress
        value={phase === 'proving' ? progress : 100}
        animated={phase !== 'opening'}
        aria-label={t('signup.progressLabel')}
      />
    </Stack>
  );
}
