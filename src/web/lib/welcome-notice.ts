import { useRouterState } from '@tanstack/react-router';

// The dashboard greets a brand-new school once, after sign-up. The flag travels in the history
// entry's state rather than the address, so the address stays plain and nobody can link to it.
declare module '@tanstack/history' {
  interface HistoryState {
    welcome?: boolean;
  }
}

export const WELCOME_STATE = { welcome: true } as const;

export function useWelcomeNotice(): boolean {
  return useRouterState({ select: (state) => state.location.state.welcome === true });
}
