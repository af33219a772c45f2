/*
 * refund-desk-os-log: writes each line of its standard input to macOS's unified log, under the
 * subsystem in.refunddesk.app, category journal. The app keeps one running as the journal's witness
 * (main/journal/os-log/); /usr/bin/logger cannot choose a subsystem, and no command-line tool can.
 *
 * Default type, not info: info messages are kept in memory only, never on disk. The line is passed
 * as a public argument, never as the format: a dynamic string is otherwise stored as <private>, and
 * a line used as the format would have its % sequences read as arguments.
 */
#include <os/log.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  os_log_t log = os_log_create("in.refunddesk.app", "journal");
  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;

  while ((length = getline(&line, &capacity, stdin)) != -1) {
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = '\0';
    if (length == 0) continue;
    os_log_with_type(log, OS_LOG_TYPE_DEFAULT, "%{public}s", line);
  }
  free(line);
  if (ferror(stdin)) {
    perror("refund-desk-os-log: standard input");
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
