/** Driver and operator accounts: sign-up, passwords, login throttling, access and refresh tokens, cards and vehicles. */
package io.csms.account;
