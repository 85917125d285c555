import type { Metadata } from "next";
import { AddUserForm } from "@/components/users/add-user-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listAccounts } from "@/lib/db/account-queries";
import { addUserAction, changeUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

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
      <Table aria-label="Users">
        <TableHeader>
          <TableRow>
            <TableHead>Email</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>State</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {accounts.map((account) => (
            <TableRow key={account.id}>
              <TableCell>{account.email}</TableCell>
              <TableCell>{account.role === "admin" ? "admin" : "agent"}</TableCell>
              <TableCell>
                <Badge variant={account.banned ? "destructive" : "success"}>
                  {account.banned ? "deactivated" : "active"}
                </Badge>
              </TableCell>
              <TableCell>
                {account.id === admin.id ? (
                  <span className="text-xs text-muted-foreground">you</span>
                ) : (
                  <div className="flex flex-wrap gap-2">
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
                  </div>
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
