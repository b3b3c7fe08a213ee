#ifndef HUBSH_CLIBEDIT_SHIM_H
#define HUBSH_CLIBEDIT_SHIM_H

/*
 * libedit for Swift. Swift does not import C variadic functions (el_set, el_get, history) nor, in
 * Swift 6 mode, the stdio globals, so each use gets a small fixed-signature wrapper here.
 */

#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* ==== terminal ==== */

/* The terminal's width in columns (ioctl is variadic), or 0 when `fd` is not a terminal. */
static inline int hubsh_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0) return size.ws_col;
    return 0;
}

static inline int hubsh_terminal_rows(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0) return size.ws_row;
    return 0;
}

/* ==== stdio ==== */

static inline FILE *hubsh_stdin(void) { return stdin; }
static inline FILE *hubsh_stdout(void) { return stdout; }
static inline FILE *hubsh_stderr(void) { return stderr; }

/* ==== Locale ==== */

/* Sets LC_CTYPE to `name` ("" means from the environment); returns whether the codeset is now UTF-8. */
static inline int hubsh_set_ctype_locale(const char *name) {
    if (setlocale(LC_CTYPE, name) == NULL) {
        return 0;
    }
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* ==== Editing ==== */

typedef char *(*hubsh_prompt_function)(EditLine *);
typedef unsigned char (*hubsh_command_function)(EditLine *, int);

/* The prompt callback; characters between two `ignore` characters are sent to the terminal but take no room. */
static inline int hubsh_el_set_prompt(EditLine *el, hubsh_prompt_function function, char ignore) {
    return el_set(el, EL_PROMPT_ESC, function, ignore);
}

static inline int hubsh_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int hubsh_el_set_terminal(EditLine *el, const char *name) {
    return el_set(el, EL_TERMINAL, name);
}

static inline int hubsh_el_set_signal(EditLine *el, int handle) {
    return el_set(el, EL_SIGNAL, handle);
}

static inline int hubsh_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *hubsh_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

static inline int hubsh_el_add_function(EditLine *el, const char *name, const char *help,
                                        hubsh_command_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

/* Binds `key` (e.g. "^I") to the editor command `command` in the main key map, or the alternate (vi command) map. */
static inline int hubsh_el_bind(EditLine *el, const char *key, const char *command, int alternate) {
    if (alternate) {
        return el_set(el, EL_BIND, "-a", key, command, (const char *)NULL);
    }
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

/* Changes one terminal setting of edit mode, e.g. "-isig". */
static inline int hubsh_el_setty_edit(EditLine *el, const char *setting) {
    return el_set(el, EL_SETTY, "-d", setting, (const char *)NULL);
}

/* Puts the terminal into edit mode (1) or back (0); el_gets itself only does so after drawing the prompt. */
static inline int hubsh_el_prepare_terminal(EditLine *el, int edit) {
    return el_set(el, EL_PREP_TERM, edit);
}

static inline int hubsh_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/* The terminal's width in columns as libedit knows it, or 0. */
static inline int hubsh_el_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) {
        return 0;
    }
    return columns;
}

/* ==== History ==== */

static inline int hubsh_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int hubsh_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

static inline int hubsh_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int hubsh_history_clear(History *h) {
    HistEvent event;
    return history(h, &event, H_CLEAR);
}

static inline int hubsh_history_count(History *h) {
    HistEvent event;
    if (history(h, &event, H_GETSIZE) == -1) {
        return -1;
    }
    return event.num;
}

/* Moves to an entry (H_FIRST newest, H_LAST oldest, H_PREV/H_NEXT step) and returns its text, or NULL. */
static inline const char *hubsh_history_step(History *h, int operation) {
    HistEvent event;
    if (history(h, &event, operation) == -1) {
        return NULL;
    }
    return event.str;
}

static inline int hubsh_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

static inline int hubsh_history_save_fp(History *h, FILE *fp) {
    HistEvent event;
    return history(h, &event, H_SAVE_FP, fp);
}

/* ==== SIGINT ==== */

/*
 * The handler and its two statics live in the translation unit that calls hubsh_interrupt_install;
 * every other operation works on the flag pointer the caller owns, so no state is duplicated.
 */
static int *volatile hubsh_interrupt_flag = NULL;
static volatile int hubsh_interrupt_wake_fd = -1;

static void hubsh_interrupt_handler(int signo) {
    (void)signo;
    int saved = errno;
    int *flag = hubsh_interrupt_flag;
    if (flag != NULL) {
        __atomic_store_n(flag, 1, __ATOMIC_SEQ_CST);
    }
    int fd = hubsh_interrupt_wake_fd;
    if (fd >= 0) {
        char byte = 1;
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

/*
 * Installs the SIGINT handler without SA_RESTART (so a blocking read returns EINTR), which sets `*flag`
 * and writes one byte to `wake_fd` (if >= 0); unblocks SIGINT in the calling thread. Returns 0 or -1.
 */
static inline int hubsh_interrupt_install(int *flag, int wake_fd) {
    hubsh_interrupt_flag = flag;
    hubsh_interrupt_wake_fd = wake_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = hubsh_interrupt_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGINT, &action, NULL) != 0) {
        return -1;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    return pthread_sigmask(SIG_UNBLOCK, &set, NULL) == 0 ? 0 : -1;
}

static inline int hubsh_atomic_exchange(int *value, int replacement) {
    return __atomic_exchange_n(value, replacement, __ATOMIC_SEQ_CST);
}

static inline int hubsh_atomic_load(int *value) {
    return __atomic_load_n(value, __ATOMIC_SEQ_CST);
}

#endif
