#ifndef HUBSH_CLIBEDIT_SHIM_H
#define HUBSH_CLIBEDIT_SHIM_H
#include <histedit.h>
#endif
