// Exposes the Linux system interfaces that Glibc's Swift module does not export.
// Nothing else lives here: all logic is in Swift (Sources/Server/Sys).
#ifndef CSYSTEM_H
#define CSYSTEM_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <linux/filter.h>

// accept4 is declared only under _GNU_SOURCE, which a Swift import cannot define for us.
int csystem_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);

// The number of CPUs in this process's affinity mask (taskset, a cpuset cgroup), or -1 if it cannot be read.
// sched_getaffinity is declared only under _GNU_SOURCE, and CPU_COUNT is a macro a Swift import cannot call.
int csystem_affinity_cpu_count(void);

#endif
