/*
 * A stand-in for macOS's <os/log.h>, to compile build/macos/os-log-writer.c where there is no macOS
 * (main/journal/os-log/mac-os-log-writer.test.ts). Each message goes to standard output as one line,
 * subsystem|category|type|message, formatted the way os_log formats it: printf's conversions, each
 * with its {public} or {private} mark dropped, and the arguments taken as printf takes them. As in
 * the real header, the format must be a string constant: a line given as the format does not compile.
 */
#ifndef OS_LOG_DOUBLE_H
#define OS_LOG_DOUBLE_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct os_log_double {
  const char *subsystem;
  const char *category;
} *os_log_t;

typedef uint8_t os_log_type_t;
#define OS_LOG_TYPE_DEFAULT ((os_log_type_t)0x00)
#define OS_LOG_TYPE_INFO ((os_log_type_t)0x01)
#define OS_LOG_TYPE_DEBUG ((os_log_type_t)0x02)
#define OS_LOG_TYPE_ERROR ((os_log_type_t)0x10)
#define OS_LOG_TYPE_FAULT ((os_log_type_t)0x11)

static inline os_log_t os_log_create(const char *subsystem, const char *category) {
  os_log_t log = malloc(sizeof *log);
  if (log == NULL) abort();
  log->subsystem = subsystem;
  log->category = category;
  return log;
}

static inline const char *os_log_double_type_name(os_log_type_t type) {
  switch (type) {
    case OS_LOG_TYPE_DEFAULT:
      return "default";
    case OS_LOG_TYPE_INFO:
      return "info";
    case OS_LOG_TYPE_DEBUG:
      return "debug";
    case OS_LOG_TYPE_ERROR:
      return "error";
    case OS_LOG_TYPE_FAULT:
      return "fault";
    default:
      return "unknown";
  }
}

static inline void os_log_double_write(os_log_t log, os_log_type_t type, const char *format, ...) {
  /* os_log's format as printf's: "%{public}s" becomes "%s". */
  char *plain = malloc(strlen(format) + 1);
  size_t out = 0;
  va_list args;
  if (plain == NULL) abort();
  for (size_t at = 0; format[at] != '\0'; at += 1) {
    plain[out++] = format[at];
    if (format[at] == '%' && format[at + 1] == '%') {
      plain[out++] = format[++at];
    } else if (format[at] == '%' && format[at + 1] == '{') {
      const char *close = strchr(format + at, '}');
      if (close != NULL) at = (size_t)(close - format);
    }
  }
  plain[out] = '\0';
  printf("%s|%s|%s|", log->subsystem, log->category, os_log_double_type_name(type));
  va_start(args, format);
  vprintf(plain, args);
  va_end(args);
  putchar('\n');
  free(plain);
}

#define os_log_with_type(log, type, format, ...)                                \
  do {                                                                          \
    static const char os_log_double_format[] = format;                          \
    os_log_double_write((log), (type), os_log_double_format, __VA_ARGS__);      \
  } while (0)

#endif
