import type { Metadata } from "next";
import { AddUserForm } from "@/components/users/add-user-form";
import { RowActions } from "@/components/users/row-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listAccounts } from "@/lib/db/account-queries";
import { addUserAction, changeUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

/** On a phone each row is a card: the email, then role and state, then the buttons; nothing scrolls sideways. */
const CARD_CELL = "max-sm:block max-sm:p-0";

export default async function UsersPage() {
  const admin = await requireAdmin("/users");
  const accounts = await listAccounts(await getDb());
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="text-sm text-muted-foreground">
          Admins manage users and settings; agents compose, send and read the history.
        </p>
      </div>
      <Table aria-label="Users" className="max-sm:block">
        <TableHeader className="max-sm:sr-only">
          <TableRow>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>State</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody className="max-sm:block">
          {accounts.map((account) => (
            <TableRow
              key={account.id}
              className="max-sm:grid max-sm:grid-cols-[auto_1fr] max-sm:items-center max-sm:gap-x-3 max-sm:gap-y-2 max-sm:p-3"
            >
              <TableCell className={`${CARD_CELL} max-sm:col-span-2 max-sm:break-all max-sm:font-medium`}>
                {account.email}
              </TableCell>
              <TableCell className={CARD_CELL}>{account.role === "admin" ? "admin" : "agent"}</TableCell>
              <TableCell className={CARD_CELL}>
                <Badge variant={account.banned ? "destructive" : "success"}>
                  {account.banned ? "deactivated" : "active"}
                </Badge>
              </TableCell>
              <TableCell className={`${CARD_CELL} max-sm:col-span-2`}>
                {account.id === admin.id ? (
                  <span className="text-xs text-muted-foreground">you</span>
                ) : (
                  <RowActions stateKey={`${account.role}:${account.banned}`}>
                    <ChangeButton
                      userId={account.id}
                      change={account.role === "admin" ? "make-agent" : "make-admin"}
                      label={`${account.role === "admin" ? "Make agent" : "Make admin"}: ${account.email}`}
                    >
                      {account.role === "admin" ? "Make agent" : "Make admin"}
                    </ChangeButton>
                    {account.banned ? (
                      <ChangeButton
                        userId={account.id}
                        change="reactivate"
                        label={`Reactivate: ${account.email}`}
                      >
                        Reactivate
                      </ChangeButton>
                    ) : (
                      <form action={changeUserAction}>
                        <input type="hidden" name="userId" value={account.id} />
                        <input type="hidden" name="change" value="deactivate" />
                        <ConfirmSubmit
                          label={`Deactivate: ${account.email}`}
                          title={`Deactivate ${account.email}?`}
                          description="They are signed out at once and cannot sign in until an admin reactivates them. Their sends and broadcasts stay in the history."
                          confirmLabel="Yes, deactivate"
                          safeLabel="Keep active"
                        >
                          Deactivate
                        </ConfirmSubmit>
                      </form>
                    )}
                  </RowActions>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <AddUserForm action={addUserAction} />
    </div>
  );
}

function ChangeButton({
  userId,
  change,
  label,
  children,
}: {
  userId: string;
  change: string;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <form action={changeUserAction}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="change" value={change} />
      <Button type="submit" variant="outline" size="sm" aria-label={label}>
        {children}
      </Button>
    </form>
  );
}
