@echo off
rem Kassa launcher for Windows: kassa demo | server ... | pos ... | bench
setlocal
set "ROOT=%~dp0"
set "POS_JAR=%ROOT%pos-client\target\pos-client.jar"
set "SERVER_JAR=%ROOT%sync-server\target\sync-server.jar"
set "CMD=%~1"
if "%CMD%"=="" set "CMD=help"
shift

if /I "%CMD%"=="help" goto :usage
if not exist "%POS_JAR%" call "%ROOT%mvnw.cmd" -B -q -f "%ROOT%pom.xml" -DskipTests package || exit /b 1
if not exist "%SERVER_JAR%" call "%ROOT%mvnw.cmd" -B -q -f "%ROOT%pom.xml" -DskipTests package || exit /b 1

set "ARGS="
:collect
if "%~1"=="" goto :dispatch
set "ARGS=%ARGS% %1"
shift
goto :collect

:dispatch
if /I "%CMD%"=="server" java -jar "%SERVER_JAR%" %ARGS% & exit /b %ERRORLEVEL%
if /I "%CMD%"=="pos" java -jar "%POS_JAR%" %ARGS% & exit /b %ERRORLEVEL%
if /I "%CMD%"=="demo" goto :demo
if /I "%CMD%"=="bench" (
  echo kassa bench runs with the bash launcher: use Git Bash or WSL and run ./kassa bench
  exit /b 1
)
goto :usage

:demo
if "%KASSA_DEMO_PORT%"=="" set "KASSA_DEMO_PORT=8080"
set "DATA=%ROOT%data\demo"
if not exist "%DATA%" mkdir "%DATA%"
start "kassa-server" /B java -jar "%SERVER_JAR%" --port %KASSA_DEMO_PORT% --data-dir "%DATA%\server" --demo > "%DATA%\server.log" 2>&1
:wait
java -cp "%SERVER_JAR%" dev.kassa.server.HealthProbe http://localhost:%KASSA_DEMO_PORT%/health || (timeout /t 1 /nobreak > nul & goto :wait)
java -cp "%SERVER_JAR%" dev.kassa.server.demo.DemoCredentials
java -jar "%POS_JAR%" --data-dir "%DATA%\pos" --server http://localhost:%KASSA_DEMO_PORT% --demo
rem closing the app stops the server
for /f "tokens=2" %%p in ('tasklist /v /fo list ^| findstr /i "kassa-server"') do taskkill /pid %%p > nul 2>&1
powershell -NoProfile -Command "Get-CimInstance Win32_Process -Filter \"CommandLine like '%%sync-server.jar%%--demo%%'\" | ForEach-Object { Stop-Process -Id $_.ProcessId }"
exit /b 0

:usage
echo Usage: kassa ^<demo^|server^|pos^|bench^> [arguments]
exit /b 0
