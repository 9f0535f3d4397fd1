/**
 * The operator's side of the platform: admin login with configured credentials (a PBKDF2 password
 * hash verified by Jakarta Security), admin bearer sessions kept apart from user sessions, and the
 * capacity report with its 4/8/16 GB estimate table. Dispute resolution builds on the same login.
 */
package org.openpleb.ee.admin;
