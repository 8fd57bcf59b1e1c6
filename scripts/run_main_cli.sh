#!/usr/bin/env bash
# The entry point every NeuroCAAS job runs (COMMAND fills the first four arguments):
#   run_main_cli.sh BUCKET DATASET_KEY RESULT_FOLDER CONFIG_KEY ANALYSIS_SCRIPT
# Same steps as neurocaas-contrib's script, calling the Swift neurocaas-contrib. No `set -e`:
# cleanup must run even when the analysis fails; the script exits with the analysis's status.
if [ $# -ne 5 ]; then
  echo "usage: run_main_cli.sh BUCKET DATASET_KEY RESULT_FOLDER CONFIG_KEY ANALYSIS_SCRIPT" >&2
  exit 2
fi
contrib=${NEUROCAAS_CONTRIB:-neurocaas-contrib}
jobdir=${NEUROCAAS_JOB_DIR:-/home/ubuntu/contribdata}
mkdir -p "$jobdir"
"$contrib" workflow initialize-job -p "$jobdir" || exit 1
"$contrib" workflow register-dataset -b "$1" -k "$2" || exit 1
"$contrib" workflow register-config -b "$1" -k "$4" || exit 1
"$contrib" workflow register-resultpath -b "$1" -k "$3" || exit 1
"$contrib" workflow log-command -b "$1" -c "$5" -r "$3"
status=$?
"$contrib" workflow cleanup
exit $status
