#!/usr/bin/env bats
# Scale-out on real engines (issue 13, item 5), with the recipes taken from
# docs/scale-out.md as they stand there: the parallel --sshlogin recipe
# through a real sshd and a second local user, and the Slurm job-array
# recipe on a real single-node Slurm cluster (munged, slurmctld, slurmd);
# each merged result must equal the serial run's.
# Run by `make check-scale`, as root only. Every daemon listens on
# 127.0.0.1 only and is stopped in teardown_file, also after a failure.

load helper

# Daemons, in the order teardown_file stops them.
DAEMONS='slurmd slurmctld munged sshd'

# free_port [PORT...]: a TCP port at random in 20000-59999 that nothing
# uses now and that is none of the PORTs (those already chosen).
free_port() {
	local p i
	for i in $(seq 200); do
		p=$((20000 + RANDOM % 40000))
		case " $* " in *" $p "*) continue ;; esac
		if [ -z "$(ss -Htan "sport = :$p")" ]; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# start NAME CMD...: runs CMD in the background, its output in $S/NAME.log,
# its process id in $S/NAME.pid. (fd 3 closed: bats waits for it.)
start() {
	local name=$1
	shift
	"$@" > "$S/$name.log" 2>&1 3>&- &
	echo $! > "$S/$name.pid"
}

# running NAME: the daemon NAME that start began is still alive.
running() {
	local pid
	pid=$(cat "$S/$1.pid" 2>/dev/null) || return 1
	[ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/stat" | cut -d' ' -f3)" != Z ]
}

# listening PORT: something listens on TCP port PORT.
listening() {
	[ -n "$(ss -Htln "sport = :$1")" ]
}

# wait_for NAME CMD...: waits up to 30 s for CMD to succeed while NAME
# runs; on failure shows NAME's log.
wait_for() {
	local name=$1 i
	shift
	for i in $(seq 150); do
		"$@" > /dev/null 2>&1 && return 0
		running "$name" || break
		sleep 0.2
	done
	echo "$name did not come up; its log:" >&2
	cat "$S/$name.log" >&2
	return 1
}

setup_file() {
	export BATS_NO_PARALLELIZE_WITHIN_FILE=true
	export S=$BATS_FILE_TMPDIR
	# bats 1.8.2 cannot skip from setup_file: each test skips in setup
	if [ "$(id -u)" -ne 0 ]; then
		echo "needs root (make check-scale)" > "$S/skip"
		return 0
	fi
	local c
	export PATH=$PATH:/usr/sbin
	for c in sshd ssh ssh-keygen rsync parallel munged mungekey slurmctld slurmd sbatch \
	    sinfo squeue scancel ss useradd usermod userdel; do
		command -v "$c" > /dev/null ||
		    { echo "$c is not installed (make check-scale installs it)" >&2; return 1; }
	done

	# -- the corpus and the serial reference
	export W=$S/work
	mkdir -p "$W/notas" "$W/lexicons"
	# names with spaces and quotes ("nota's"), so that files of every
	# sshlogin test the quoting of --transferfile and --return
	for f in "$ROOT"/samples/*.txt; do
		f=${f##*/}
		cp "$ROOT/samples/$f" "$W/notas/${f%.txt} nota's.txt"
	done
	cp "$FIX/pipelines/nota.txt" "$W/notas/-nota met 'spatie'.txt"
	cp "$ROOT/lexicons/transitietaal.tsv" "$W/lexicons/"
	(cd "$W" && printf '%s\n' notas/*.txt | LC_ALL=C sort | while IFS= read -r f; do
		tt-normalise -- "$f" | tt-tokenise --doc "$f" | tt-stem | tt-jargon
	done) > "$S/serial.stream"
	tt-cooc "$S/serial.stream" > "$S/serial.cooc"
	tt-score "$S/serial.stream" > "$S/serial.score"

	# -- the second user, its home where it can reach it
	export H
	H=$(mktemp -d /tmp/tt-scale.XXXXXX)
	chmod 755 "$H"
	export U=ttscale$$
	useradd -M -d "$H/home" -s /bin/sh "$U"
	getent shadow "$U" | cut -d: -f2 > "$S/shadow-after-useradd"
	# '*': no password can match it, but the account is not locked
	usermod -p '*' "$U"
	mkdir -p "$H/home/.ssh" "$H/prefix/bin" "$H/prefix/share/transitietaal/lexicons"
	# "installed on the remote machine": the built programs and the
	# lexicons, where make install PREFIX=$H/prefix would put them
	cp "$ROOT/${TT_BIN:-bin}"/tt-* "$H/prefix/bin/"
	cp "$ROOT"/lexicons/*.tsv "$ROOT"/lexicons/*.txt "$H/prefix/share/transitietaal/lexicons/"
	chmod -R a+rX "$H/prefix"
	ssh-keygen -q -t ed25519 -N '' -C tt-scale-host -f "$S/host_key"
	ssh-keygen -q -t ed25519 -N '' -C tt-scale-client -f "$S/client_key"
	cp "$S/client_key.pub" "$H/home/.ssh/authorized_keys"
	chown -R "$U:" "$H/home"
	chmod 700 "$H/home/.ssh"
	chmod 600 "$H/home/.ssh/authorized_keys"

	# -- sshd on 127.0.0.1
	export SSH_PORT
	SSH_PORT=$(free_port)
	mkdir -p /run/sshd
	cat > "$S/sshd_config" <<-EOC
	ListenAddress 127.0.0.1:$SSH_PORT
	HostKey $S/host_key
	PidFile $S/sshd.pidfile
	UsePAM no
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	PubkeyAuthentication yes
	AuthorizedKeysFile .ssh/authorized_keys
	AllowUsers $U
	StrictModes yes
	X11Forwarding no
	AllowTcpForwarding no
	SetEnv PATH=$H/prefix/bin:/usr/bin:/bin
	EOC
	cat > "$S/ssh_config" <<-EOC
	Host beleid1 beleid2
	    HostName 127.0.0.1
	    Port $SSH_PORT
	    User $U
	    IdentityFile $S/client_key
	    IdentitiesOnly yes
	    UserKnownHostsFile $S/known_hosts
	    StrictHostKeyChecking yes
	    BatchMode yes
	EOC
	printf '[127.0.0.1]:%s %s\n' "$SSH_PORT" "$(cut -d' ' -f1,2 "$S/host_key.pub")" > "$S/known_hosts"
	start sshd "$(command -v sshd)" -D -e -f "$S/sshd_config"
	wait_for sshd listening "$SSH_PORT"

	# -- munged and a single-node Slurm on 127.0.0.1
	# munged wants every directory above its socket open to all: under $H
	export M=$H/slurm
	mkdir -p "$M/run" "$M/state" "$M/spool"
	chmod 755 "$M" "$M/run"
	mungekey -c -k "$M/munge.key"
	start munged munged -F --key-file="$M/munge.key" --socket="$M/run/munge.sock" \
	    --pid-file="$M/munged.pidfile" --seed-file="$M/munged.seed"
	wait_for munged test -S "$M/run/munge.sock"
	export CTLD_PORT SLURMD_PORT
	CTLD_PORT=$(free_port "$SSH_PORT")
	SLURMD_PORT=$(free_port "$SSH_PORT" "$CTLD_PORT")
	cat > "$M/slurm.conf" <<-EOC
	ClusterName=tt-scale
	SlurmctldHost=localhost(127.0.0.1)
	SlurmctldPort=$CTLD_PORT
	SlurmdPort=$SLURMD_PORT
	CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
	SlurmUser=root
	SlurmdUser=root
	AuthType=auth/munge
	CredType=cred/munge
	AuthInfo=socket=$M/run/munge.sock
	StateSaveLocation=$M/state
	SlurmdSpoolDir=$M/spool
	SlurmctldPidFile=$M/slurmctld.pidfile
	SlurmdPidFile=$M/slurmd.pidfile
	ProctrackType=proctrack/pgid
	TaskPlugin=task/none
	SwitchType=switch/none
	MpiDefault=none
	JobAcctGatherType=jobacct_gather/none
	AccountingStorageType=accounting_storage/none
	SchedulerType=sched/builtin
	SelectType=select/cons_tres
	SelectTypeParameters=CR_Core
	ReturnToService=2
	NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
	PartitionName=tt Nodes=localhost Default=YES MaxTime=INFINITE State=UP
	EOC
	export SLURM_CONF=$M/slurm.conf
	start slurmctld slurmctld -D -f "$SLURM_CONF"
	start slurmd slurmd -D -N localhost -f "$SLURM_CONF"
	wait_for slurmd sh -c 'sinfo -h -o %T | grep -qx idle'
}

teardown_file() {
	local d pid i
	[ -f "$S/skip" ] && return 0
	# no job left behind: cancel, and give slurmd time to end the steps
	if [ -n "${SLURM_CONF:-}" ] && running slurmctld; then
		scancel --full --quiet --user=root > /dev/null 2>&1 || :
		for i in $(seq 50); do
			[ -z "$(squeue -h 2>/dev/null)" ] && break
			sleep 0.2
		done
	fi
	for d in $DAEMONS; do
		running "$d" || continue
		pid=$(cat "$S/$d.pid")
		kill "$pid" 2>/dev/null || :
		for i in $(seq 50); do
			running "$d" || break
			sleep 0.2
		done
		running "$d" && kill -9 "$pid" 2>/dev/null
	done
	if [ -n "${U:-}" ] && getent passwd "$U" > /dev/null; then
		userdel -f "$U" 2>/dev/null || userdel "$U"
	fi
	[ -z "${H:-}" ] || rm -rf -- "$H"
	return 0
}

setup() {
	[ ! -f "$S/skip" ] || skip "$(cat "$S/skip")"
	T=$BATS_TEST_TMPDIR
}

teardown() {
	# the locking test must not leave the account locked
	[ -f "$S/skip" ] || usermod -p '*' "$U"
}

# recipe NAME: the shell block that follows <!-- recipe: NAME --> in
# docs/scale-out.md.
recipe() {
	awk -v name="$1" '
	    $0 == "<!-- recipe: " name " -->" { want = 1; next }
	    want && /^```/ { if (inside) exit; inside = 1; next }
	    inside { print }' "$ROOT/docs/scale-out.md"
}

@test "the recipes are in docs/scale-out.md" {
	run recipe sshlogin
	[[ "$output" == *"parallel -j 2 --sshlogin 4/beleid1,4/beleid2,: "* ]]
	[[ "$output" == *"--basefile lexicons/transitietaal.tsv"* ]]
	run recipe slurm
	[[ "$output" == *'sbatch --wait --array=0-$((tasks - 1)) ./tt-slurm-array -n "$per" notas.list out'* ]]
	[ "$(grep -cx 'per=50' <<<"$output")" -eq 1 ]
}

@test "sshd, slurmctld and slurmd listen on 127.0.0.1 only" {
	local d pid n
	for d in sshd slurmctld slurmd; do
		pid=$(cat "$S/$d.pid")
		run ss -Htulnp
		n=$(grep -c "pid=$pid," <<<"$output" || :)
		[ "$n" -ge 1 ] || { echo "$d listens nowhere"; false; }
		# every socket of the daemon: local address 127.0.0.1
		run awk -v p="pid=$pid," 'index($0, p) && $5 !~ /^127\.0\.0\.1:/' <<<"$output"
		[ "$output" = "" ] || { echo "$d: $output"; false; }
	done
	# munged has a Unix socket only
	run ss -Htulnp
	refute_output --partial "\"munged\""
}

@test "a user made by useradd is locked: sshd without PAM refuses it, '*' lets the key in" {
	[ "$(cat "$S/shadow-after-useradd")" = '!' ]
	usermod -p '!' "$U"
	run ssh -F "$S/ssh_config" beleid1 true
	[ "$status" -eq 255 ]
	grep -q "User $U not allowed because account is locked" "$S/sshd.log"
	usermod -p '*' "$U"
	run --separate-stderr ssh -F "$S/ssh_config" beleid1 'id -un; command -v tt-cooc'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$U" ]
	[ "${lines[1]}" = "$H/prefix/bin/tt-cooc" ]
}

@test "--sshlogin recipe through a real sshd: merged counts equal the serial run" {
	cd "$W"
	recipe sshlogin > "$T/recipe.sh"
	PARALLEL_SSH="ssh -F $S/ssh_config" PARALLEL="--joblog $T/joblog" \
	    run --separate-stderr sh "$T/recipe.sh"
	echo "$stderr"
	[ "$status" -eq 0 ]
	run diff "$S/serial.cooc" cooc.tsv
	assert_success
	[ "$(wc -l < cooc.tsv)" -gt 20 ]
	# every file one job, each ended with 0; on both "machines" and on :
	n=$(ls notas/*.txt | wc -l)
	[ "$(tail -n +2 "$T/joblog" | wc -l)" -eq "$n" ]
	[ "$(tail -n +2 "$T/joblog" | awk -F'\t' '$7 != 0' | wc -l)" -eq 0 ]
	for h in beleid1 beleid2 :; do
		[ "$(awk -F'\t' -v h="$h" '$2 == h' "$T/joblog" | wc -l)" -ge 1 ] ||
		    { echo "no job ran on $h"; cat "$T/joblog"; false; }
	done
	grep -q "Accepted publickey for $U from 127.0.0.1" "$S/sshd.log"
	# --cleanup: nothing of the jobs left in the remote home
	run find "$H/home" -mindepth 1 -not -path "$H/home/.ssh*"
	assert_output ''
	rm -f notas/*.cooc cooc.tsv
}

@test "without RSYNC_OLD_ARGS a --return file with a quote in its name does not come back, and parallel exits 0" {
	cd "$W"
	f="notas/-nota met 'spatie'.txt"
	rm -f notas/*.cooc
	PARALLEL_SSH="ssh -F $S/ssh_config" RSYNC_OLD_ARGS= \
	    run --separate-stderr parallel --sshlogin beleid1 --transferfile {} --return {.}.cooc \
	    --cleanup 'tt-normalise -- {} | tt-tokenise --doc {} | tt-stem | tt-jargon | tt-cooc --counts > {.}.cooc' ::: "$f"
	[ "$status" -eq 0 ]
	[ ! -e "notas/-nota met 'spatie'.cooc" ]
	[[ "$stderr" == *"rsync"*"No such file or directory"* ]]
	# with it, the same command brings the counts back
	PARALLEL_SSH="ssh -F $S/ssh_config" RSYNC_OLD_ARGS=1 \
	    run --separate-stderr parallel --sshlogin beleid1 --transferfile {} --return {.}.cooc \
	    --cleanup 'tt-normalise -- {} | tt-tokenise --doc {} | tt-stem | tt-jargon | tt-cooc --counts > {.}.cooc' ::: "$f"
	[ "$status" -eq 0 ]
	run diff <(tt-normalise -- "$f" | tt-tokenise --doc "$f" | tt-stem | tt-jargon | tt-cooc --counts) "notas/-nota met 'spatie'.cooc"
	assert_success
	rm -f notas/*.cooc
}

# slurm_workdir: a copy of the corpus and of the batch script, as a user
# would have them on the cluster's shared file system.
slurm_workdir() {
	mkdir "$T/w"
	cp -R "$W/notas" "$T/w/"
	cp "$ROOT/docs/scale-out/tt-slurm-array" "$T/w/"
	cd "$T/w"
	recipe slurm | sed 's/^per=50$/per=2/' > "$T/recipe.sh"
	grep -qx 'per=2' "$T/recipe.sh"
}

@test "Slurm job-array recipe on a single-node cluster: merged counts equal the serial run" {
	slurm_workdir
	run --separate-stderr sh "$T/recipe.sh"
	echo "$stderr"
	[ "$status" -eq 0 ]
	run diff "$S/serial.cooc" cooc.tsv
	assert_success
	run diff "$S/serial.score" score.tsv
	assert_success
	# 7 documents, 2 a task: 4 tasks, each with its counts and its log
	[ "$(ls notas/*.txt | wc -l)" -eq 7 ]
	[ "$(ls out | LC_ALL=C sort | tr '\n' ' ')" = "0.cooc 0.score 1.cooc 1.score 2.cooc 2.score 3.cooc 3.score " ]
	[ "$(ls slurm-*_[0-3].out | wc -l)" -eq 4 ]
}

@test "Slurm: a task that cannot read a document fails, sbatch --wait fails, nothing is merged" {
	slurm_workdir
	# the fault, injected from a program earlier on PATH (sbatch passes
	# PATH on): tt-normalise fails on one document
	mkdir "$T/fault"
	real=$(command -v tt-normalise)
	cat > "$T/fault/tt-normalise" <<-EOF
	#!/bin/sh
	if [ "\$2" = "notas/jaarverslag-wijkteam nota's.txt" ]; then
		echo "tt-normalise: \$2: Input/output error" >&2
		exit 2
	fi
	exec "$real" "\$@"
	EOF
	chmod +x "$T/fault/tt-normalise"
	PATH=$T/fault:$PATH run --separate-stderr sh "$T/recipe.sh"
	[ "$status" -ne 0 ]
	[ ! -e cooc.tsv ]
	[ ! -e score.tsv ]
	# the document is the 5th in the list: task 2 failed, and said why
	[ "$(sed -n 5p notas.list)" = "notas/jaarverslag-wijkteam nota's.txt" ]
	run cat slurm-*_2.out
	assert_output "tt-normalise: notas/jaarverslag-wijkteam nota's.txt: Input/output error
tt-slurm-array: task 2: notas/jaarverslag-wijkteam nota's.txt: failed; no counts written"
	[ "$(ls out | LC_ALL=C sort | tr '\n' ' ')" = "0.cooc 0.score 1.cooc 1.score 3.cooc 3.score " ]
}

@test "Slurm: a task beyond the end of the list fails and says which array fits" {
	slurm_workdir
	find notas -type f -name '*.txt' | LC_ALL=C sort > notas.list
	mkdir out
	run sbatch --wait --array=4 -o 'slurm-%A_%a.out' ./tt-slurm-array -n 2 notas.list out
	[ "$status" -ne 0 ]
	run cat slurm-*_4.out
	assert_output "tt-slurm-array: task 4 has no documents: notas.list has 7 lines, 2 a task (--array=0-3)"
	run ls out
	assert_output ''
}

@test "tt-slurm-array: usage errors exit 2 with a message" {
	s=$ROOT/docs/scale-out/tt-slurm-array
	run --separate-stderr "$s" list
	[ "$status" -eq 2 ]
	[ "${stderr_lines[0]}" = "usage: tt-slurm-array [-l LEXICON] [-n FILES_PER_TASK] LIST OUTDIR" ]
	run --separate-stderr env -u SLURM_ARRAY_TASK_ID "$s" list out
	[ "$status" -eq 2 ]
	[ "$stderr" = "tt-slurm-array: SLURM_ARRAY_TASK_ID is not set: submit with sbatch --array=0-M" ]
	SLURM_ARRAY_TASK_ID=0 run --separate-stderr "$s" -n 0 list out
	[ "$status" -eq 2 ]
	[ "$stderr" = "tt-slurm-array: -n 0: not a positive number" ]
	run --separate-stderr "$s" --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "usage: tt-slurm-array [-l LEXICON] [-n FILES_PER_TASK] LIST OUTDIR" ]
}
