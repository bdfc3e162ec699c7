#include "check/git_source.hpp"

#include "document/loader.hpp"
#include "util/error.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace policyq::check {

std::optional<GitSpec> parse_git_spec(const std::string& arg) {
  if (arg.empty() || arg == "-" || arg[0] == '-') return std::nullopt;
  std::error_code ec;
  if (fs::exists(arg, ec)) return std::nullopt;
  std::size_t colon = arg.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= arg.size()) return std::nullopt;
  return GitSpec{arg.substr(0, colon), arg.substr(colon + 1)};
}

ProcessResult run_process(const std::vector<std::string>& argv) {
  ProcessResult r;
  if (argv.empty()) return r;
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0) throw Error(std::string("cannot run ") + argv[0] + ": " + std::strerror(errno));
  if (pipe(err_pipe) != 0) {
    int e = errno;
    close(out_pipe[0]), close(out_pipe[1]);
    throw Error(std::string("cannot run ") + argv[0] + ": " + std::strerror(e));
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    close(out_pipe[0]), close(out_pipe[1]), close(err_pipe[0]), close(err_pipe[1]);
    throw Error(std::string("cannot run ") + argv[0] + ": " + std::strerror(e));
  }
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]), close(out_pipe[1]), close(err_pipe[0]), close(err_pipe[1]);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  char buf[1 << 16];
  while (open_fds > 0) {
    int n = poll(fds, 2, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = read(fds[i].fd, buf, sizeof buf);
      if (got > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);
  int raw = 0;
  while (waitpid(pid, &raw, 0) < 0 && errno == EINTR) {
  }
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + (WIFSIGNALED(raw) ? WTERMSIG(raw) : 0);
  return r;
}

std::string read_git_file(const GitSpec& spec) {
  const std::string name = spec.rev + ":" + spec.path;
  if (spec.rev.empty() || spec.rev[0] == '-') throw Error(name, 0, "not a git revision");
  // --no-pager and --no-textconv: the blob's bytes, exactly as committed.
  ProcessResult r = run_process({"git", "--no-pager", "show", "--no-textconv", "--no-color", name});
  if (r.status == 127 && r.out.empty() && r.err.empty())
    throw Error(name, 0, "cannot run git (is it installed and on PATH?)");
  if (r.status != 0) {
    std::string msg = r.err;
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == '\r' || msg.back() == ' ')) msg.pop_back();
    if (msg.rfind("fatal: ", 0) == 0) msg = msg.substr(7);
    if (msg.empty()) msg = "git show failed with status " + std::to_string(r.status);
    throw Error(name, 0, "git: " + msg);
  }
  // `git show REV:DIR` lists a tree instead of failing.
  if (r.out.rfind("tree " + name + "\n", 0) == 0) throw Error(name, 0, "is a directory in git, not a file");
  return std::move(r.out);
}

Document load_version(const std::string& arg) {
  if (arg == "-") return load_policy("-");
  if (auto spec = parse_git_spec(arg)) return parse_document(arg, read_git_file(*spec));
  std::error_code ec;
  auto status = fs::status(arg, ec);
  if (ec || !fs::exists(status)) throw Error(arg, 0, "no such file (nor a git REV:PATH)");
  if (fs::is_directory(status)) throw Error(arg, 0, "is a directory; diff compares two files");
  return load_policy(arg);
}

}  // namespace policyq::check
