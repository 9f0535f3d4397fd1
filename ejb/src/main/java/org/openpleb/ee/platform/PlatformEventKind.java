package org.openpleb.ee.platform;

/** What happened to the platform as a whole, as recorded in the operator's event log. */
public enum PlatformEventKind {
  /** An instance finished starting: settings valid, schema migrated. */
  STARTED,
  /** An instance runs with a setting that is unsafe for real funds (e.g. the dev mint). */
  UNSAFE_SETTING,
  /** An operator note or test marker written through the log's API. */
  NOTE
}
