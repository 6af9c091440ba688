// Debian bookworm's own files in the Debian-based images (nginx:1.27.3 is FROM debian:bookworm-slim)
// that a student opens around `kubectl exec -it … -- bash`: bash's system-wide startup file and
// root's dotfiles. Texts as Debian bookworm ships them (read from a bookworm system):
// - /etc/bash.bashrc: the bash package (5.2.15-2, debian/etc.bash.bashrc), whose PS1 is the
//   prompt an interactive bash shows (src/kubectl/shell/pod-bash.ts bashPrompt).
// - /root/.bashrc and /root/.profile: base-files' postinst copies /usr/share/base-files/dot.bashrc
//   and dot.profile there (install_from_default) when the system is first configured.
// - /etc/skel/.bashrc, .profile, .bash_logout (the bash package; sizes only, text not modelled).
// Their modification times are not established and are left out.

export const DEBIAN_BASH_BASHRC = `# System-wide .bashrc file for interactive bash(1) shells.

# To enable the settings / commands in this file for login shells as well,
# this file has to be sourced in /etc/profile.

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

# check the window size after each command and, if necessary,
# update the values of LINES and COLUMNS.
shopt -s checkwinsize

# set variable identifying the chroot you work in (used in the prompt below)
if [ -z "\${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
    debian_chroot=$(cat /etc/debian_chroot)
fi

# set a fancy prompt (non-color, overwrite the one in /etc/profile)
# but only if not SUDOing and have SUDO_PS1 set; then assume smart user.
if ! [ -n "\${SUDO_USER}" -a -n "\${SUDO_PS1}" ]; then
  PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
fi

# Commented out, don't overwrite xterm -T "title" -n "icontitle" by default.
# If this is an xterm set the title to user@host:dir
#case "$TERM" in
#xterm*|rxvt*)
#    PROMPT_COMMAND='echo -ne "\\033]0;\${USER}@\${HOSTNAME}: \${PWD}\\007"'
#    ;;
#*)
#    ;;
#esac

# enable bash completion in interactive shells
#if ! shopt -oq posix; then
#  if [ -f /usr/share/bash-completion/bash_completion ]; then
#    . /usr/share/bash-completion/bash_completion
#  elif [ -f /etc/bash_completion ]; then
#    . /etc/bash_completion
#  fi
#fi

# if the command-not-found package is installed, use it
if [ -x /usr/lib/command-not-found -o -x /usr/share/command-not-found/command-not-found ]; then
	function command_not_found_handle {
	        # check because c-n-f could've been removed in the meantime
                if [ -x /usr/lib/command-not-found ]; then
		   /usr/lib/command-not-found -- "$1"
                   return $?
                elif [ -x /usr/share/command-not-found/command-not-found ]; then
		   /usr/share/command-not-found/command-not-found -- "$1"
                   return $?
		else
		   printf "%s: command not found\\n" "$1" >&2
		   return 127
		fi
	}
fi
`;

export const DEBIAN_ROOT_BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 and umask are already set in /etc/profile. You should not
# need this unless you want different defaults for root.
# PS1='\${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '
# umask 022

# You may uncomment the following lines if you want \`ls' to be colorized:
# export LS_OPTIONS='--color=auto'
# eval "$(dircolors)"
# alias ls='ls $LS_OPTIONS'
# alias ll='ls $LS_OPTIONS -l'
# alias l='ls $LS_OPTIONS -lA'
#
# Some more alias to avoid making mistakes:
# alias rm='rm -i'
# alias cp='cp -i'
# alias mv='mv -i'
`;

export const DEBIAN_ROOT_PROFILE = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

/** /etc/skel's files (byte sizes; their text is not modelled). */
export const DEBIAN_SKEL: Record<string, number> = {
  '/etc/skel/.bash_logout': 220,
  '/etc/skel/.bashrc': 3526,
  '/etc/skel/.profile': 807,
};
