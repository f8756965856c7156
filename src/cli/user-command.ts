import { Command } from 'commander';
import { isRole, roles } from '../platform/auth/roles.ts';
import { addUser, listUsers } from '../platform/auth/users.ts';
import { AppError } from '../platform/errors.ts';
import { openMigratedOpsStore } from '../server.ts';
import { cliContext } from './context.ts';
import { runAction } from './run-action.ts';

/** Reads the whole of standard input (the password: never an argument, so it stays out of shell history). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `checkpoint user add|list`: people who can sign in. */
export function userCommand(): Command {
  const user = new Command('user').description('manage the people who can sign in');
  user
    .command('add <username>')
    .description('add a user; the password is read from standard input')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')}`)
    .option('--member-id <id>', 'for role member: the member this person is')
    .option('--organization <name>', 'for facility_staff: the facility named in consents')
    .option('--display-name <name>', 'the name shown on screen')
    .action(
      runAction(
        async (
          username: string,
          opts: { role: string; memberId?: string; organization?: string; displayName?: string },
          command: Command,
        ) => {
          if (!isRole(opts.role))
            throw new AppError('bad_request', `unknown role ${opts.role}`, [
              { path: '--role', message: `one of ${roles.join(', ')}` },
            ]);
          const password = await readStdin();
          const store = await openMigratedOpsStore(cliContext(command).config);
          try {
            const created = await addUser(store.db, {
              username,
              role: opts.role,
              password,
              ...(opts.memberId ? { memberId: opts.memberId } : {}),
              ...(opts.organization ? { organization: opts.organization } : {}),
              ...(opts.displayName ? { displayName: opts.displayName } : {}),
            });
            process.stdout.write(`added ${created.username} (${created.role})\n`);
          } finally {
            await store.close();
          }
        },
      ),
    );
  user
    .command('list')
    .description('list users with their roles')
    .action(
      runAction(async (_opts: unknown, command: Command) => {
        const store = await openMigratedOpsStore(cliContext(command).config);
        try {
          for (const u of await listUsers(store.db))
            process.stdout.write(
              `${u.username}\t${u.role}${u.locked ? '\tlocked' : ''}${u.disabled ? '\tdisabled' : ''}\n`,
            );
        } finally {
          await store.close();
        }
      }),
    );
  return user;
}
