/**
 * Test support that reads the official Cashu and BIP-340 test vectors straight from the shared
 * folder: markdown code blocks, their headings and the prose around them, and CSV rows. It also
 * keeps count of the vectors each test checked, so a test can prove it left none out.
 */
package org.openpleb.cashu.vectors;
