/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit. Regenerate with
 * `npm run api:types` after changing a route or a schema; `npm run lint` fails while it is stale.
 */
export interface paths {
  "/api/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Database, chain and indexer lag
     * @description Anyone
     */
    get: operations["getHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/dev/advance-time": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move the dev chain's time forward and mine a block
     * @description Roles: admin
     */
    post: operations["advanceChainTime"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in
     * @description Anyone
     */
    post: operations["signIn"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the signed-in user and organisation
     * @description Any signed-in user
     */
    get: operations["getCurrentUser"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/logout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out: the token's session ends on every instance
     * @description Any signed-in user
     */
    post: operations["signOut"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/auth/password": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change your own password: your other sessions end, this one goes on
     * @description Any signed-in user
     */
    post: operations["changePassword"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/users/{id}/password": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reset a user's password (by whoever manages its organisation's users): every session of that user ends
     * @description Roles: admin, regulator
     */
    post: operations["resetUserPassword"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/account-audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the account audit log: users created and deleted, passwords changed and reset
     * @description Roles: admin, regulator
     */
    get: operations["listAccountAuditEntries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/orgs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List organisations
     * @description Any signed-in user
     */
    get: operations["listOrganisations"];
    put?: never;
    /**
     * Onboard an organisation (an authority or a further regulator then awaits a regulator's approval)
     * @description Roles: admin
     */
    post: operations["onboardOrganisation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/orgs/{id}/provision": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry funding and granting an organisation's role
     * @description Roles: admin
     */
    post: operations["provisionOrganisation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/orgs/{id}/approve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve an authority or a further regulator: the regulator's organisation grants its role
     * @description Roles: regulator
     */
    post: operations["approveOrganisation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/orgs/{id}/rotate-key": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate an organisation's chain key: the operator for enterprises and banks (proposed with their own key), a regulator for any organisation (proposed with the regulator's key); the new key accepts and the old one is retired
     * @description Roles: admin, regulator
     */
    post: operations["rotateOrganisationKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/orgs/{id}/key-rotations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List an organisation's key rotations (why, by whom, the transactions)
     * @description Roles: admin, regulator
     */
    get: operations["listKeyRotations"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/orgs/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read an organisation
     * @description Any signed-in user
     */
    get: operations["getOrganisation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List users
     * @description Roles: admin, regulator
     */
    get: operations["listUsers"];
    put?: never;
    /**
     * Create a user (the operator for enterprises, banks and any organisation's first user; a regulator for its own and the authorities')
     * @description Roles: admin, regulator
     */
    post: operations["createUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a user (by whoever manages its organisation's users)
     * @description Roles: admin, regulator
     */
    delete: operations["deleteUser"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/params": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the platform parameters
     * @description Any signed-in user
     */
    get: operations["getPlatformParams"];
    /**
     * Set the platform parameters
     * @description Roles: admin
     */
    put: operations["setPlatformParams"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/platform/pause": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause every state change
     * @description Roles: regulator
     */
    post: operations["pausePlatform"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/platform/unpause": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resume the platform
     * @description Roles: regulator
     */
    post: operations["unpausePlatform"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/patents": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List patents
     * @description Roles: enterprise, bank, ipoffice, appraiser, fund, regulator
     */
    get: operations["listPatents"];
    put?: never;
    /**
     * Register a patent
     * @description Roles: enterprise
     */
    post: operations["registerPatent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/patents/{id}/encumbrance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whether a patent is pledged or in a loan application, whichever bank's (never whose or how much)
     * @description Roles: bank
     */
    get: operations["getPatentEncumbrance"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/patents/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a patent with its appraisals and history
     * @description Roles: enterprise, bank, ipoffice, appraiser, fund, regulator
     */
    get: operations["getPatent"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/patents/{id}/verify": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify a patent against the register
     * @description Roles: ipoffice
     */
    post: operations["verifyPatent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/patents/{id}/reject": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a patent record: its token is burnt and the number is free to register again
     * @description Roles: ipoffice
     */
    post: operations["rejectPatent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/patents/{id}/revoke": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke a patent (invalidated or terminated)
     * @description Roles: ipoffice
     */
    post: operations["revokePatent"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/patents/{id}/legal-status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Update a patent's legal status
     * @description Roles: ipoffice
     */
    post: operations["updateLegalStatus"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/patents/{id}/transfer": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a change of owner (著录项目变更): the patent goes to another enterprise, with the notice, and awaits verification again
     * @description Roles: ipoffice
     */
    post: operations["recordTransfer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/patents/{id}/appraisals": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a valuation
     * @description Roles: appraiser
     */
    post: operations["recordAppraisal"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/products": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List loan products
     * @description Any signed-in user
     */
    get: operations["listProducts"];
    put?: never;
    /**
     * Publish a loan product
     * @description Roles: bank
     */
    post: operations["publishProduct"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/products/{id}/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open or close a product to new applications
     * @description Roles: bank
     */
    post: operations["setProductStatus"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/products/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a loan product
     * @description Any signed-in user
     */
    get: operations["getProduct"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List loans
     * @description Roles: enterprise, bank, ipoffice, fund, regulator
     */
    get: operations["listLoans"];
    put?: never;
    /**
     * Apply for a loan
     * @description Roles: enterprise
     */
    post: operations["applyForLoan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a loan with what it owes now and its history
     * @description Roles: enterprise, bank, ipoffice, fund, regulator
     */
    get: operations["getLoan"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/pledge-checks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Run the IP office's pledge refusal checks
     * @description Roles: ipoffice, bank, enterprise, regulator
     */
    get: operations["getPledgeChecks"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/withdraw": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw an application
     * @description Roles: enterprise
     */
    post: operations["withdrawApplication"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/approve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve an application with its terms
     * @description Roles: bank
     */
    post: operations["approveLoan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/reject": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject an application
     * @description Roles: bank
     */
    post: operations["rejectLoan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel an approved loan before disbursement (lifts a registered pledge)
     * @description Roles: bank
     */
    post: operations["cancelLoan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/pledge": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register the pledge (质押登记)
     * @description Roles: ipoffice
     */
    post: operations["registerPledge"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/disburse": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disburse the loan
     * @description Roles: bank
     */
    post: operations["disburseLoan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/repayments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record a repayment (or the payoff)
     * @description Roles: bank
     */
    post: operations["recordRepayment"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/default": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Declare the loan in default
     * @description Roles: bank
     */
    post: operations["declareDefault"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/compensate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pay the fund's share of the loss
     * @description Roles: fund
     */
    post: operations["payCompensation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/dispose": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dispose of the collateral to a buyer
     * @description Roles: bank
     */
    post: operations["disposeCollateral"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/loans/{id}/release": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel the pledge registration (注销)
     * @description Roles: ipoffice
     */
    post: operations["releasePledge"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/documents/{sha256}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a document
     * @description Any signed-in user
     */
    get: operations["downloadDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/documents/{sha256}/verify": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Check a document's stored bytes against the chain
     * @description Any signed-in user
     */
    get: operations["verifyDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/notifications": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List what needs this organisation's attention
     * @description Any signed-in user
     */
    get: operations["listNotifications"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/audit/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the audit trail
     * @description Any signed-in user
     */
    get: operations["listAuditEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/audit/transactions/{hash}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a transaction: its block, receipt and decoded events
     * @description Any signed-in user
     */
    get: operations["getTransaction"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/audit/blocks/{number}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a block and the ledger events in it
     * @description Any signed-in user
     */
    get: operations["getBlock"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/audit/verify": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prove the database against the chain: runs an integrity check, or waits for the running one
     * @description Roles: regulator
     */
    get: operations["verifyIntegrity"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/audit/integrity-checks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start an integrity check in the background (or join the running one)
     * @description Roles: regulator
     */
    post: operations["startIntegrityCheck"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/audit/integrity-checks/latest": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The newest integrity check: its progress while it runs, its report once done
     * @description Roles: regulator
     */
    get: operations["getLatestIntegrityCheck"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/stats": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Totals and time series for the dashboard
     * @description Roles: regulator
     */
    get: operations["getStats"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      error: {
        code: string;
        message: string;
        details?: unknown;
      };
    };
    User: {
      id: string;
      username: string;
      orgId: string;
      role: string;
    };
    Login: {
      username: string;
      password: string;
    };
    Organisation: {
      id: string;
      name: string;
      /** @enum {string} */
      kind: "enterprise" | "appraiser" | "ipoffice" | "bank" | "fund" | "regulator" | "admin";
      address: string;
      /** @description The address of the key that signs for the organisation now: its identity address until the key is rotated (POST /api/orgs/{id}/rotate-key) */
      signingAddress: string | null;
    };
    PasswordChange: {
      currentPassword: string;
      newPassword: string;
    };
    PasswordReset: {
      newPassword: string;
    };
    AccountAuditEntry: {
      id: string;
      /** @description ISO 8601 */
      at: string;
      /** @enum {string} */
      action: "user_created" | "user_deleted" | "password_changed" | "password_reset";
      actorUserId: string;
      actorUsername: string;
      actorOrgId: string;
      targetUserId: string;
      targetUsername: string;
      ip: string | null;
    };
    OrganisationWithRole: components["schemas"]["Organisation"] & {
      roleGranted: boolean;
      /** @enum {string} */
      seatedBy: "operator" | "regulator";
    };
    NewOrganisation: {
      name: string;
      /** @enum {string} */
      kind: "enterprise" | "appraiser" | "ipoffice" | "bank" | "fund" | "regulator";
    };
    KeyRotation: {
      id: string;
      reason: string;
      newKey: string;
      requestedBy: string | null;
      requestedAt: string;
      proposalTxHash: string | null;
      acceptTxHash: string | null;
      completedAt: string | null;
    };
    RotateKey: {
      reason: string;
    };
    NewUser: {
      username: string;
      password: string;
      orgId: string;
    };
    Params: {
      ltvCapBps: number;
      graceDays: number;
      fundShareBps: number;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      fundCapacity: string;
      fundDecisionDays: number;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      fundPaid: string;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      fundRemaining: string;
      paused: boolean;
      txHash: string | null;
      blockNumber: number | null;
    };
    ParamsUpdate: {
      ltvCapBps: number;
      graceDays: number;
      fundShareBps: number;
      /**
       * @description Integer fen as a JSON integer or a decimal string
       * @example 50000000
       */
      fundCapacity: number | string;
      fundDecisionDays?: number;
    };
    Appraisal: {
      id: string;
      index: number;
      appraiserOrgId: string | null;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      value: string;
      validUntil: string;
      recordedAt: string;
      reportSha256: string;
      current: boolean;
      txHash: string;
      blockNumber: number;
    };
    NewPatent: {
      number: string;
      title: string;
      /** @enum {string} */
      kind: "invention" | "utility_model" | "design";
      /**
       * @description ISO 8601 date or date-time
       * @example 2031-06-30
       */
      grantDate: string;
      /**
       * @description ISO 8601 date or date-time
       * @example 2031-06-30
       */
      expiryDate: string;
      certificate: {
        filename: string;
        contentBase64: string;
        contentType?: string;
      };
    };
    Patent: {
      id: string;
      number: string;
      title: string | null;
      /** @enum {string} */
      kind: "invention" | "utility_model" | "design";
      /** @enum {string} */
      status: "registered" | "verified" | "rejected" | "pledged" | "revoked";
      ownerOrgId: string | null;
      ownerAddress: string;
      grantDate: string;
      expiryDate: string;
      legalStatus: {
        /** @example 2031-06-30T00:00:00.000Z */
        feePaidUntil: string | null;
        preserved: boolean;
        invalidationPending: boolean;
      };
      appraisals: components["schemas"]["Appraisal"][];
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      currentValue: string | null;
      loanId: string | null;
      certificateSha256: string;
      metadataHash: string;
      tokenId: string;
      registeredAt: string;
      txHash: string | null;
      blockNumber: number | null;
    };
    Encumbrance: {
      number: string;
      /** @description pledged under a loan (质押), whichever bank's */
      pledged: boolean;
      /** @description named in a loan application not yet pledged, whichever bank's */
      inApplication: boolean;
    };
    PatentDetail: components["schemas"]["Patent"] & {
      history: components["schemas"]["AuditEvent"][];
    };
    AuditEvent: {
      id: string;
      /**
       * @description The contract event's name: LoanApplied, RepaymentRecorded, PatentVerified, RoleGranted, ...; an organisation's key rotation is KeyRotationProposed (data: identity, proposer, newKey) then KeyRotated (data: identity, oldKey, newKey), both about the organisation (entity organisation, entityId its identity address) and visible to it and the regulators
       * @example KeyRotated
       */
      kind: string;
      entity: string;
      entityId: string;
      orgId: string | null;
      actor: string | null;
      blockNumber: number;
      blockTime: string;
      txHash: string;
      logIndex: number;
      contract: string;
      data: {
        [key: string]: unknown;
      };
    };
    RecordTransfer: {
      newOwnerOrgId: string;
      notice: {
        filename: string;
        contentBase64: string;
        contentType?: string;
      };
    };
    NewAppraisal: {
      /**
       * @description Integer fen as a JSON integer or a decimal string
       * @example 50000000
       */
      value: number | string;
      /**
       * @description ISO 8601 date or date-time
       * @example 2031-06-30
       */
      validUntil: string;
      report: {
        filename: string;
        contentBase64: string;
        contentType?: string;
      };
    };
    NewProduct: {
      name: string;
      description?: string;
      /**
       * @description Integer fen as a JSON integer or a decimal string
       * @example 50000000
       */
      maxAmount: number | string;
      minRateBps: number;
      maxRateBps: number;
      maxTermDays: number;
      ltvBps: number;
    };
    Product: {
      id: string;
      bankOrgId: string | null;
      bankName: string | null;
      name: string | null;
      description: string | null;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      maxAmount: string;
      minRateBps: number;
      maxRateBps: number;
      maxTermDays: number;
      ltvBps: number;
      active: boolean;
      detailsHash: string;
      createdAt: string;
      txHash: string;
      blockNumber: number;
    };
    NewLoan: {
      /** @example 1 */
      productId: string;
      patentIds: string[];
      /**
       * @description Integer fen as a JSON integer or a decimal string
       * @example 50000000
       */
      amount: number | string;
      termDays: number;
      purpose: string;
    };
    Loan: {
      id: string;
      /** @enum {string} */
      status:
        | "applied"
        | "approved"
        | "rejected"
        | "withdrawn"
        | "pledged"
        | "cancelled"
        | "disbursed"
        | "repaid"
        | "defaulted"
        | "disposed"
        | "closed";
      enterpriseOrgId: string | null;
      bankOrgId: string | null;
      productId: string;
      patentIds: string[];
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      requestedAmount: string;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      amount: string | null;
      rateBps: number | null;
      termDays: number;
      purpose: string | null;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      appraisedTotal: string | null;
      registrationNo: string | null;
      /** @example 2031-06-30T00:00:00.000Z */
      registeredAt: string | null;
      /** @example 2031-06-30T00:00:00.000Z */
      disbursedAt: string | null;
      /** @example 2031-06-30T00:00:00.000Z */
      maturityAt: string | null;
      /** @example 2031-06-30T00:00:00.000Z */
      estimatedMaturityAt: string | null;
      graceDays: number | null;
      fundShareBps: number | null;
      /** @example 2031-06-30T00:00:00.000Z */
      defaultableAt: string | null;
      overdue: boolean;
      owed: {
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        principal: string;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        interest: string;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        penalty: string;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        total: string;
      };
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      repaid: string;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      outstandingAtDefault: string | null;
      /** @example 2031-06-30T00:00:00.000Z */
      defaultedAt: string | null;
      /** @example 2031-06-30T00:00:00.000Z */
      fundDecisionBy: string | null;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      compensated: string;
      compensationPaid: boolean;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      recovered: string;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      bankRecovery: string;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      fundRecovery: string;
      /**
       * @description Integer fen as a decimal string
       * @example 50000000
       */
      borrowerSurplus: string;
      buyerOrgId: string | null;
      collateralAtRisk: boolean;
      appliedAt: string;
      updatedAt: string;
      chainTime: string;
      txHash: string;
      blockNumber: number;
    };
    LoanDetail: components["schemas"]["Loan"] & {
      history: components["schemas"]["AuditEvent"][];
    };
    PledgeChecks: {
      loanId: string;
      estimatedMaturityAt: string;
      ok: boolean;
      checks: {
        patentId: string;
        /** @enum {string} */
        check:
          "owner" | "verified" | "fee_paid" | "not_preserved" | "no_invalidation" | "outlives_maturity" | "not_pledged";
        ok: boolean;
        detail: string;
      }[];
    };
    Approval: {
      /**
       * @description Integer fen as a JSON integer or a decimal string
       * @example 50000000
       */
      amount: number | string;
      rateBps: number;
      termDays: number;
    };
    Repayment:
      | {
          /**
           * @description Integer fen as a JSON integer or a decimal string
           * @example 50000000
           */
          amount: number | string;
          reference: string;
        }
      | {
          /** @enum {boolean} */
          payoff: true;
          reference: string;
        };
    Disposal: {
      /** @example 1 */
      buyerOrgId: string;
      /**
       * @description Integer fen as a JSON integer or a decimal string
       * @example 50000000
       */
      recoveredAmount: number | string;
      reference: string;
    };
    Notification: {
      id: string;
      topic: string;
      entity: string;
      entityId: string;
      actionRequired: boolean;
      open: boolean;
      data: {
        [key: string]: unknown;
      };
      createdAt: string;
      blockNumber: number;
    };
    IntegrityReport: {
      ok: boolean;
      checked: number;
      checkedByKind: {
        [key: string]: number;
      };
      atBlock: number;
      /** @description the first 1,000 mismatches */
      mismatches: components["schemas"]["Mismatch"][];
      mismatchCount: number;
    };
    Mismatch: {
      table: string;
      key: string;
      field: string;
      /** @description what the chain implies */
      expected?: unknown;
      /** @description what the database holds */
      found?: unknown;
    };
    IntegrityCheck: {
      id: string;
      /** @enum {string} */
      state: "running" | "done" | "failed" | "interrupted";
      startedAt: string;
      finishedAt: string | null;
      progress: {
        /** @enum {string} */
        phase?: "replaying" | "comparing" | "hashing";
        fromBlock?: number;
        block?: number;
        toBlock?: number;
        events?: number;
      };
      report: components["schemas"]["IntegrityReport"] & unknown;
      error: string | null;
    };
    Stats: {
      totals: {
        organisations: {
          [key: string]: number;
        };
        patents: {
          [key: string]: number;
        };
        loans: {
          [key: string]: number;
        };
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        financed: string;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        outstandingPrincipal: string;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        repaid: string;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        defaultedAmount: string;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        fundPaid: string;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        recovered: string;
        defaultRate: number;
      };
      series: {
        month: string;
        applications: number;
        disbursements: number;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        financed: string;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        repaid: string;
        defaults: number;
        defaultRate: number;
        loansByStatus: {
          [key: string]: number;
        };
      }[];
      byBank: {
        bankOrgId: string | null;
        bankName: string | null;
        loans: number;
        /**
         * @description Integer fen as a decimal string
         * @example 50000000
         */
        financed: string;
        defaulted: number;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  advanceChainTime: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          seconds: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            chainTime: string;
            blockNumber: number;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Login"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            token: string;
            user: components["schemas"]["User"];
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getCurrentUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["User"];
            organisation: components["schemas"]["Organisation"];
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  signOut: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            /** @enum {boolean} */
            signedOut: true;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PasswordChange"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["User"];
            revokedSessions: number;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Rate limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  resetUserPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PasswordReset"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"] & {
            revokedSessions: number;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listAccountAuditEntries: {
    parameters: {
      query?: {
        /** @description How many items at most */
        limit?: number;
        /** @description How many items to skip */
        offset?: number | null;
        userId?: string;
        action?: "user_created" | "user_deleted" | "password_changed" | "password_reset";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["AccountAuditEntry"][];
            total: number;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listOrganisations: {
    parameters: {
      query?: {
        /** @description How many items at most */
        limit?: number;
        /** @description How many items to skip */
        offset?: number | null;
        kind?: "enterprise" | "appraiser" | "ipoffice" | "bank" | "fund" | "regulator" | "admin";
        awaitingApproval?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Organisation"][];
            total: number;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  onboardOrganisation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewOrganisation"];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrganisationWithRole"] & {
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  provisionOrganisation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrganisationWithRole"] & {
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  approveOrganisation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrganisationWithRole"] & {
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  rotateOrganisationKey: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RotateKey"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrganisationWithRole"] & {
            rotation: components["schemas"]["KeyRotation"];
            proposalTxHash: string | null;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listKeyRotations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["KeyRotation"][];
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getOrganisation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrganisationWithRole"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: {
        /** @description How many items at most */
        limit?: number;
        /** @description How many items to skip */
        offset?: number | null;
        orgId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["User"][];
            total: number;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewUser"];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  deleteUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["User"];
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPlatformParams: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Params"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  setPlatformParams: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ParamsUpdate"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Params"];
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  pausePlatform: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Params"];
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  unpausePlatform: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Params"];
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listPatents: {
    parameters: {
      query?: {
        status?: "none" | "registered" | "verified" | "rejected" | "pledged" | "revoked";
        kind?: "invention" | "utility_model" | "design";
        ownerOrgId?: string;
        q?: string;
        needsAppraisal?: "true" | "false";
        limit?: number;
        offset?: number | null;
        sort?: "registeredAt" | "-registeredAt" | "expiryDate" | "-expiryDate" | "number" | "-number";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Patent"][];
            total: number;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  registerPatent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewPatent"];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            number: string;
            title: string | null;
            /** @enum {string} */
            kind: "invention" | "utility_model" | "design";
            /** @enum {string} */
            status: "registered" | "verified" | "rejected" | "pledged" | "revoked";
            ownerOrgId: string | null;
            ownerAddress: string;
            grantDate: string;
            expiryDate: string;
            legalStatus: {
              /** @example 2031-06-30T00:00:00.000Z */
              feePaidUntil: string | null;
              preserved: boolean;
              invalidationPending: boolean;
            };
            appraisals: components["schemas"]["Appraisal"][];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            currentValue: string | null;
            loanId: string | null;
            certificateSha256: string;
            metadataHash: string;
            tokenId: string;
            registeredAt: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPatentEncumbrance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Encumbrance"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPatent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PatentDetail"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  verifyPatent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description ISO 8601 date or date-time
           * @example 2031-06-30
           */
          feePaidUntil: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            number: string;
            title: string | null;
            /** @enum {string} */
            kind: "invention" | "utility_model" | "design";
            /** @enum {string} */
            status: "registered" | "verified" | "rejected" | "pledged" | "revoked";
            ownerOrgId: string | null;
            ownerAddress: string;
            grantDate: string;
            expiryDate: string;
            legalStatus: {
              /** @example 2031-06-30T00:00:00.000Z */
              feePaidUntil: string | null;
              preserved: boolean;
              invalidationPending: boolean;
            };
            appraisals: components["schemas"]["Appraisal"][];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            currentValue: string | null;
            loanId: string | null;
            certificateSha256: string;
            metadataHash: string;
            tokenId: string;
            registeredAt: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  rejectPatent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            number: string;
            title: string | null;
            /** @enum {string} */
            kind: "invention" | "utility_model" | "design";
            /** @enum {string} */
            status: "registered" | "verified" | "rejected" | "pledged" | "revoked";
            ownerOrgId: string | null;
            ownerAddress: string;
            grantDate: string;
            expiryDate: string;
            legalStatus: {
              /** @example 2031-06-30T00:00:00.000Z */
              feePaidUntil: string | null;
              preserved: boolean;
              invalidationPending: boolean;
            };
            appraisals: components["schemas"]["Appraisal"][];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            currentValue: string | null;
            loanId: string | null;
            certificateSha256: string;
            metadataHash: string;
            tokenId: string;
            registeredAt: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  revokePatent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            number: string;
            title: string | null;
            /** @enum {string} */
            kind: "invention" | "utility_model" | "design";
            /** @enum {string} */
            status: "registered" | "verified" | "rejected" | "pledged" | "revoked";
            ownerOrgId: string | null;
            ownerAddress: string;
            grantDate: string;
            expiryDate: string;
            legalStatus: {
              /** @example 2031-06-30T00:00:00.000Z */
              feePaidUntil: string | null;
              preserved: boolean;
              invalidationPending: boolean;
            };
            appraisals: components["schemas"]["Appraisal"][];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            currentValue: string | null;
            loanId: string | null;
            certificateSha256: string;
            metadataHash: string;
            tokenId: string;
            registeredAt: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  updateLegalStatus: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /**
           * @description ISO 8601 date or date-time
           * @example 2031-06-30
           */
          feePaidUntil?: string;
          preserved?: boolean;
          invalidationPending?: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            number: string;
            title: string | null;
            /** @enum {string} */
            kind: "invention" | "utility_model" | "design";
            /** @enum {string} */
            status: "registered" | "verified" | "rejected" | "pledged" | "revoked";
            ownerOrgId: string | null;
            ownerAddress: string;
            grantDate: string;
            expiryDate: string;
            legalStatus: {
              /** @example 2031-06-30T00:00:00.000Z */
              feePaidUntil: string | null;
              preserved: boolean;
              invalidationPending: boolean;
            };
            appraisals: components["schemas"]["Appraisal"][];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            currentValue: string | null;
            loanId: string | null;
            certificateSha256: string;
            metadataHash: string;
            tokenId: string;
            registeredAt: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  recordTransfer: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RecordTransfer"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            number: string;
            title: string | null;
            /** @enum {string} */
            kind: "invention" | "utility_model" | "design";
            /** @enum {string} */
            status: "registered" | "verified" | "rejected" | "pledged" | "revoked";
            ownerOrgId: string | null;
            ownerAddress: string;
            grantDate: string;
            expiryDate: string;
            legalStatus: {
              /** @example 2031-06-30T00:00:00.000Z */
              feePaidUntil: string | null;
              preserved: boolean;
              invalidationPending: boolean;
            };
            appraisals: components["schemas"]["Appraisal"][];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            currentValue: string | null;
            loanId: string | null;
            certificateSha256: string;
            metadataHash: string;
            tokenId: string;
            registeredAt: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  recordAppraisal: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewAppraisal"];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            number: string;
            title: string | null;
            /** @enum {string} */
            kind: "invention" | "utility_model" | "design";
            /** @enum {string} */
            status: "registered" | "verified" | "rejected" | "pledged" | "revoked";
            ownerOrgId: string | null;
            ownerAddress: string;
            grantDate: string;
            expiryDate: string;
            legalStatus: {
              /** @example 2031-06-30T00:00:00.000Z */
              feePaidUntil: string | null;
              preserved: boolean;
              invalidationPending: boolean;
            };
            appraisals: components["schemas"]["Appraisal"][];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            currentValue: string | null;
            loanId: string | null;
            certificateSha256: string;
            metadataHash: string;
            tokenId: string;
            registeredAt: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listProducts: {
    parameters: {
      query?: {
        bankOrgId?: string;
        active?: "true" | "false";
        limit?: number;
        offset?: number | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Product"][];
            total: number;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  publishProduct: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewProduct"];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            bankOrgId: string | null;
            bankName: string | null;
            name: string | null;
            description: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            maxAmount: string;
            minRateBps: number;
            maxRateBps: number;
            maxTermDays: number;
            ltvBps: number;
            active: boolean;
            detailsHash: string;
            createdAt: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  setProductStatus: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          active: boolean;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            bankOrgId: string | null;
            bankName: string | null;
            name: string | null;
            description: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            maxAmount: string;
            minRateBps: number;
            maxRateBps: number;
            maxTermDays: number;
            ltvBps: number;
            active: boolean;
            detailsHash: string;
            createdAt: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getProduct: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Product"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listLoans: {
    parameters: {
      query?: {
        status?:
          | "none"
          | "applied"
          | "approved"
          | "rejected"
          | "withdrawn"
          | "pledged"
          | "cancelled"
          | "disbursed"
          | "repaid"
          | "defaulted"
          | "disposed"
          | "closed";
        bankOrgId?: string;
        enterpriseOrgId?: string;
        productId?: string;
        overdue?: "true" | "false";
        collateralAtRisk?: "true" | "false";
        q?: string;
        limit?: number;
        offset?: number | null;
        sort?: "id" | "-id" | "updatedAt" | "-updatedAt" | "maturityAt" | "-maturityAt";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Loan"][];
            total: number;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  applyForLoan: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewLoan"];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getLoan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LoanDetail"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getPledgeChecks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PledgeChecks"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  withdrawApplication: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  approveLoan: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Approval"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  rejectLoan: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  cancelLoan: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  registerPledge: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          registrationNo: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  disburseLoan: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          reference: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  recordRepayment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Repayment"];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
            repayment: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              amount: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
            } | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  declareDefault: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  payCompensation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  disposeCollateral: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Disposal"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  releasePledge: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path: {
        /** @description The resource's id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            id: string;
            /** @enum {string} */
            status:
              | "applied"
              | "approved"
              | "rejected"
              | "withdrawn"
              | "pledged"
              | "cancelled"
              | "disbursed"
              | "repaid"
              | "defaulted"
              | "disposed"
              | "closed";
            enterpriseOrgId: string | null;
            bankOrgId: string | null;
            productId: string;
            patentIds: string[];
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            requestedAmount: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            amount: string | null;
            rateBps: number | null;
            termDays: number;
            purpose: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            appraisedTotal: string | null;
            registrationNo: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            registeredAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            disbursedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            maturityAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            estimatedMaturityAt: string | null;
            graceDays: number | null;
            fundShareBps: number | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultableAt: string | null;
            overdue: boolean;
            owed: {
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              principal: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              interest: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              penalty: string;
              /**
               * @description Integer fen as a decimal string
               * @example 50000000
               */
              total: string;
            };
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            repaid: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            outstandingAtDefault: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            defaultedAt: string | null;
            /** @example 2031-06-30T00:00:00.000Z */
            fundDecisionBy: string | null;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            compensated: string;
            compensationPaid: boolean;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            recovered: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            bankRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            fundRecovery: string;
            /**
             * @description Integer fen as a decimal string
             * @example 50000000
             */
            borrowerSurplus: string;
            buyerOrgId: string | null;
            collateralAtRisk: boolean;
            appliedAt: string;
            updatedAt: string;
            chainTime: string;
            txHash: string | null;
            blockNumber: number | null;
          };
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  downloadDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sha256: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/octet-stream": string;
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  verifyDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sha256: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            sha256: string;
            filename: string;
            size: number;
            storedBytesMatch: boolean;
            anchors: {
              kind: string;
              patentId: string;
              onChainHash: string | null;
              match: boolean;
            }[];
            ok: boolean;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listNotifications: {
    parameters: {
      query?: {
        open?: "true" | "false";
        limit?: number;
        offset?: number | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Notification"][];
            total: number;
            open: number;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  listAuditEvents: {
    parameters: {
      query?: {
        entity?: "patent" | "loan" | "product" | "platform" | "organisation" | "contract";
        entityId?: string;
        orgId?: string;
        kind?: string;
        txHash?: string;
        fromBlock?: number | null;
        toBlock?: number | null;
        /** @description ISO 8601 date or date-time */
        from?: string;
        /** @description ISO 8601 date or date-time */
        to?: string;
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["AuditEvent"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getTransaction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        hash: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            hash: string;
            block: {
              number: number;
              hash: string;
              time: string;
            };
            from: string;
            to: string | null;
            status: string;
            gasUsed: string;
            nonce: number;
            events: components["schemas"]["AuditEvent"][];
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getBlock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            number: number;
            hash: string;
            time: string;
            events: components["schemas"]["AuditEvent"][];
          };
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  verifyIntegrity: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IntegrityReport"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  startIntegrityCheck: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key (per user) with the same method, path and body replays the first result (marked Idempotent-Replayed: true) and changes nothing; with another request it is a 422 IDEMPOTENCY_KEY_REUSED; while the first runs, a 409 IDEMPOTENCY_KEY_IN_PROGRESS. Successes are kept, and failures after a transaction was sent; any other failure frees the key for a corrected retry. Keys expire 24 h after first use. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      202: {
        headers: {
          /** @description `true` when this is the kept first result of an earlier request with the same Idempotency-Key */
          "Idempotent-Replayed"?: "true";
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IntegrityCheck"];
        };
      };
      /** @description Malformed or invalid input, or a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Illegal state transition or duplicate, or the first request with this Idempotency-Key is still running (IDEMPOTENCY_KEY_IN_PROGRESS) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Body over the size limit */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Error */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Business rule broken, or this Idempotency-Key was first sent with another request (IDEMPOTENCY_KEY_REUSED) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Chain or database unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getLatestIntegrityCheck: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IntegrityCheck"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
  getStats: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Stats"];
        };
      };
      /** @description Malformed or invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Missing or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Role not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
      /** @description Not found (or another organisation's private resource) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error"];
        };
      };
    };
  };
}

/** Loan.status: every value, in the document's order. */
export const LOAN_STATUSES = [
  "applied",
  "approved",
  "rejected",
  "withdrawn",
  "pledged",
  "cancelled",
  "disbursed",
  "repaid",
  "defaulted",
  "disposed",
  "closed",
] as const satisfies readonly components["schemas"]["Loan"]["status"][];

/** Patent.status: every value, in the document's order. */
export const PATENT_STATUSES = [
  "registered",
  "verified",
  "rejected",
  "pledged",
  "revoked",
] as const satisfies readonly components["schemas"]["Patent"]["status"][];

/** Patent.kind: every value, in the document's order. */
export const PATENT_KINDS = [
  "invention",
  "utility_model",
  "design",
] as const satisfies readonly components["schemas"]["Patent"]["kind"][];

/** Organisation.kind: every value, in the document's order. */
export const ORGANISATION_KINDS = [
  "enterprise",
  "appraiser",
  "ipoffice",
  "bank",
  "fund",
  "regulator",
  "admin",
] as const satisfies readonly components["schemas"]["Organisation"]["kind"][];
