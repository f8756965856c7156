import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, setCsrfToken } from './http.ts';

export type Role =
  | 'case_manager'
  | 'supervisor'
  | 'clinical_pharmacist'
  | 'um_reviewer'
  | 'facility_staff'
  | 'member'
  | 'analyst'
  | 'admin'
  | 'supporter';

export interface Me {
  userId: string;
  username: string;
  role: Role;
  displayName?: string;
  /** Facility staff: the NPI of the facility they act for (the only one their requests may name). */
  facilityNpi?: string;
}

interface MeResponse extends Partial<Omit<Me, 'facilityNpi'>> {
  facilityNpi?: string | null;
  user?: Partial<Me> & { id?: string };
  id?: string;
  csrfToken?: string;
}

function toMe(body: MeResponse): Me {
  const user = body.user ?? body;
  setCsrfToken(body.csrfToken);
  return {
    userId: String(user.userId ?? user.id ?? ''),
    username: String(user.username ?? ''),
    role: (user.role ?? 'member') as Role,
    ...(user.displayName ? { displayName: user.displayName } : {}),
    ...(body.facilityNpi ? { facilityNpi: body.facilityNpi } : {}),
  };
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return toMe(await apiFetch<MeResponse>('/api/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Signs in and refreshes the session. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { username: string; password: string }) =>
      toMe(await apiFetch<MeResponse>('/api/auth/login', { method: 'POST', body: input })),
    onSuccess: (me) => {
      // A new person: drop whatever the last one saw, then show the workspace.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      client.setQueryData(['me'], me);
    },
  });
}

/** Signs out and forgets every cached answer (nothing about members stays in memory). */
export async function signOut(client: ReturnType<typeof useQueryClient>): Promise<void> {
  try {
    await apiFetch('/api/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(undefined);
    client.clear();
    client.setQueryData(['me'], null);
  }
}

/** Plain names of roles. */
export const roleLabels: Record<Role, string> = {
  case_manager: 'Case manager',
  supervisor: 'Supervisor',
  clinical_pharmacist: 'Clinical pharmacist',
  um_reviewer: 'UM reviewer',
  facility_staff: 'Facility staff',
  member: 'Member',
  analyst: 'Program analyst',
  admin: 'Administrator',
  supporter: 'Family or supporter',
};
