#include "cli/app.h"

int main(int argc, char** argv) { return declutter::run_cli(argc, argv); }
